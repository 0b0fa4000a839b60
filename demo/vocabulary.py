"""Word lists and text templates the demo generator draws from; no external faker needed."""

from __future__ import annotations

FIRST_NAMES = (
    "Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "George", "Mia", "Arthur",
    "Sofia", "Leo", "Grace", "Oscar", "Freya", "Harry", "Lily", "Jack", "Emily", "Charlie",
    "Ella", "Thomas", "Chloe", "Jacob", "Aisha", "Mohammed", "Priya", "Arjun", "Mei", "Wei",
    "Lucas", "Elena", "Mateo", "Camila", "Hannah", "Daniel", "Zara", "Samuel", "Nora", "Yusuf",
    "Ines", "Tomasz", "Katarzyna", "Luca", "Giulia", "Sven", "Astrid", "Kofi", "Ama", "Diego",
)  # fmt: skip

LAST_NAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "Khan", "Singh", "Chen", "Nguyen", "Garcia", "Rossi",
    "Novak", "Kowalski", "Andersen", "Mensah", "Okafor", "Fernandez", "Murphy", "O'Brien",
    "Campbell", "Stewart", "Hughes", "Edwards", "Turner", "Moore", "Martin", "Cooper", "King",
)  # fmt: skip

COMPANY_WORDS = (
    "Harbor", "Summit", "Oakridge", "Bluewater", "Ironbridge", "Maple", "Northgate", "Redfern",
    "Silverline", "Westbrook", "Foxglove", "Kingsway", "Lakeside", "Beacon", "Cedar",
)  # fmt: skip
COMPANY_KINDS = ("Kitchens", "Interiors", "Builders", "Hotels", "Cafes", "Property", "Studios")
COMPANY_SUFFIXES = ("Ltd", "LLP", "& Co", "Group", "Partners")

EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "post.example")
AGENT_EMAIL_DOMAIN = "staff.customer360.example"

BRANCHES = (
    ("branch-1", "Leeds"),
    ("branch-2", "Bristol"),
    ("branch-3", "Manchester"),
    ("branch-4", "London Docklands"),
)
PARTNERS = (
    ("partner-1", "Brightline Installers"),
    ("partner-2", "Keystone Retail Group"),
    ("partner-3", "Northwind Marketplace"),
)

PRODUCTS = (
    "oak dining table", "corner sofa", "kitchen island", "wardrobe system", "recliner",
    "bedroom set", "bookcase", "office chair", "bathroom vanity", "garden furniture set",
    "fitted kitchen", "walk-in shower", "dishwasher", "range cooker", "extractor hood",
)  # fmt: skip

CONTROLLED_TAGS = (
    ("handoff", "Sales case handed over to support; visible to support as well."),
    ("key-account", "Large or strategic customer with an account plan."),
    ("do-not-call", "Customer asked not to be phoned; use email only."),
    ("price-sensitive", "Buys on discount; check margin before offering more."),
    ("b2b", "Business customer invoiced on account."),
    ("installer", "Trade installer buying on behalf of end customers."),
    ("churn-risk", "Signals suggest the customer may stop buying."),
)
FREE_CUSTOMER_TAGS = (
    "newsletter", "loyal", "trade-show-lead", "referral", "weekend-only", "prefers-email",
    "showroom-regular", "big-basket", "seasonal", "interior-designer",
)  # fmt: skip
NOTE_TAGS = (
    "billing", "delivery", "warranty", "pricing", "installation", "complaint", "upsell",
    "renewal", "damage", "refund", "measurement", "quote", "payment-plan", "callback",
    "escalated", "feedback", "stock", "assembly",
)  # fmt: skip

OUTCOMES = (
    ("interested", "Interested"),
    ("not_interested", "Not interested"),
    ("callback_requested", "Callback requested"),
    ("purchased", "Purchased"),
    ("complaint_resolved", "Complaint resolved"),
    ("no_answer", "No answer"),
)
MOODS = (
    ("happy", "Happy"),
    ("neutral", "Neutral"),
    ("frustrated", "Frustrated"),
    ("angry", "Angry"),
)

REQUIRED_FIELDS = (
    ("escalation", None, "tags"),
    ("escalation", None, "follow_up"),
    ("resolution", "support", "ref_id"),
    ("supervisor", None, "importance"),
)

# Subjects per note type; {product} and {ref} are filled in by the generator.
NOTE_SUBJECTS = {
    "interaction_log": (
        "Call about the {product}", "Showroom visit, looked at the {product}",
        "Email exchange on delivery date", "Discussed quote for the {product}",
        "Checked in after installation",
    ),
    "escalation": (
        "Escalated: {product} delivered damaged", "Escalation: repeated missed delivery",
        "Escalated billing dispute on {ref}", "Customer threatens to cancel {ref}",
    ),
    "follow_up": (
        "Follow up on quote for the {product}", "Call back about finance options",
        "Chase measurement appointment", "Confirm installation slot",
    ),
    "resolution": (
        "Resolved: replacement {product} sent", "Refund issued for {ref}",
        "Resolved delivery complaint", "Warranty repair completed",
    ),
    "supervisor": (
        "Supervisor review of complaint handling", "Goodwill gesture approved",
        "Account review with team lead",
    ),
    "technical": (
        "Fitting notes for the {product}", "Measurements for the {product}",
        "Site survey: access and power", "Assembly issue with the {product}",
    ),
    "sentiment": (
        "Very happy with the {product}", "Frustrated about waiting times",
        "Positive feedback on the fitting team", "Unhappy with communication",
    ),
}  # fmt: skip

NOTE_SENTENCES = (
    "Customer asked about the {product} and wants a revised quote by Friday.",
    "Explained the delivery window again; they prefer mornings.",
    "Offered a 10% loyalty discount, valid until the end of the month.",
    "They mentioned a competitor quoted lower for a similar {product}.",
    "Payment of the last invoice is two weeks late; agreed a plan.",
    "Installer reported the wall needs extra fixings before fitting.",
    "The {product} arrived with a scratched panel; photos requested.",
    "Customer was polite but clearly tired of rescheduling.",
    "Booked a showroom appointment to compare finishes.",
    "Confirmed the warranty covers the motor but not the fabric.",
    "Partner will handle assembly; shared the access instructions.",
    "Noted that the customer only wants contact by email.",
    "Checked stock: the {product} is back in the warehouse next week.",
    "Referred by a neighbour who bought the same {product} last year.",
    "Asked for a callback after 5pm on weekdays.",
    "Raised with the warehouse team; awaiting their answer.",
)

INTERACTION_SUBJECTS = {
    "sales": ("Quote for the {product}", "New range preview", "Upgrade offer", "Price match"),
    "credit_control": ("Overdue invoice reminder", "Payment plan check-in", "Card expired"),
    "service": ("Delivery follow-up", "Repair booking", "Installation feedback", "Returns"),
}
INTERACTION_CHANNELS = {
    "call": "phone", "visit": "in_person", "email": "email", "sms": "sms",
    "showroom_visit": "in_person", "meeting": "video", "demo": "in_person",
    "follow_up": "phone", "other": "other",
}  # fmt: skip

FOLLOW_UP_INSTRUCTIONS = (
    "Call back with the revised quote.",
    "Confirm the delivery slot by phone.",
    "Send the finance options by email.",
    "Check the repair was completed and the customer is happy.",
    "Chase the overdue payment politely.",
    "Book the measurement visit.",
)
# A completed follow-up's outcome (a value of OUTCOMES) and the comment the agent added.
FOLLOW_UP_OUTCOMES = (
    ("interested", "Done, customer confirmed."),
    ("no_answer", "Left a voicemail; will try again next week."),
    ("purchased", "Customer accepted the offer."),
    ("not_interested", "No longer needed."),
)

RISK_REASONS = {
    "overdue_payment": "Two invoices more than 30 days overdue.",
    "frequent_refunds": "Four refunds in the last six months.",
    "discount_dependency": "Only buys with a discount of 15% or more.",
    "frequent_claims": "Repeated damage claims on delivered items.",
    "delivery_failures": "Three failed delivery attempts, nobody home.",
    "abusive_behavior": "Abusive language towards staff on the phone.",
    "cancellation_pattern": "Cancels orders shortly before dispatch.",
    "manual_flag": "Flagged by the team lead for review.",
}
