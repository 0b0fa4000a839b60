"""Note templates whose labels are known by construction: the generated half of the training data.

Each template is written for one (role, sentiment, urgency); filling in a name, a product, an
amount, a date and an order or invoice number never changes its label. `eval.generate` draws
from the same templates, so what the model learns from and what the evaluation generates agree.
"""

from __future__ import annotations

from typing import Final

# (role, sentiment, urgency, template); slots: {name} {product} {amount} {date} {order} {invoice}
TEMPLATES: Final[tuple[tuple[str, str, str, str], ...]] = (
    # --- support
    (
        "support",
        "negative",
        "high",
        "Second missed delivery of the {product} for {name}. Wants a manager to call today.",
    ),
    (
        "support",
        "negative",
        "normal",
        "{name} says the {product} arrived scratched. Replacement part ordered, order {order}.",
    ),
    (
        "support",
        "negative",
        "critical",
        "Water leaking from the {product} we fitted for {name}. Engineer today, manager told.",
    ),
    (
        "support",
        "neutral",
        "normal",
        "{name} asked to move the delivery of order {order} to {date}. Confirm by text.",
    ),
    ("support", "neutral", "low", "Resent the order confirmation for {order} to {name}."),
    (
        "support",
        "positive",
        "low",
        "{name} called to say thanks, the {product} is perfect. Closing the ticket.",
    ),
    (
        "support",
        "negative",
        "high",
        "{name} is furious: third time the crew didn't turn up for the {product}. "
        "Says she will cancel the whole order {order} if nobody calls back tomorrow.",
    ),
    (
        "support",
        "negative",
        "critical",
        "{name} smells gas since the {product} was connected. Told to leave the house and call "
        "the emergency line. Engineer sent now.",
    ),
    (
        "support",
        "negative",
        "critical",
        "{name}'s lawyer called about the {product}: legal action unless fixed by {date}.",
    ),
    (
        "support",
        "negative",
        "low",
        "{name} grumbled about the wait for the {product} but it is fitted now. Nothing to do.",
    ),
    (
        "support",
        "negative",
        "normal",
        "{name} is not happy with the finish on the {product}. Booked a technician for {date}.",
    ),
    (
        "support",
        "neutral",
        "normal",
        "{name} asked how to clean the {product}. Will email the care guide tomorrow.",
    ),
    ("support", "neutral", "low", "Called {name} back re order {order}, no answer, voicemail."),
    (
        "support",
        "positive",
        "low",
        "No complaints at all from {name}, the {product} works great 👍 ticket closed.",
    ),
    (
        "support",
        "negative",
        "high",
        "Oh great, the {product} for {name} broke AGAIN. Really impressive. She wants to escalate "
        "and get a refund.",
    ),
    (
        "support",
        "negative",
        "high",
        "{name} ruft zum dritten Mal an, der {product} fehlt immer noch. Sehr verärgert, will "
        "stornieren.",
    ),
    (
        "support",
        "negative",
        "normal",
        "{name}: el {product} llegó roto 😡 pedido {order}, enviamos otra pieza.",
    ),
    # --- sales
    (
        "sales",
        "positive",
        "normal",
        "{name} loved the {product} in the showroom, wants a quote by {date}.",
    ),
    (
        "sales",
        "neutral",
        "normal",
        "Sent quote for the {product} to {name}, {amount} incl. VAT. Follow up on {date}.",
    ),
    ("sales", "neutral", "low", "Left voicemail for {name} about the {product}."),
    (
        "sales",
        "negative",
        "high",
        "{name} finds our {product} price ({amount}) too high, signs elsewhere on {date}.",
    ),
    ("sales", "positive", "low", "{name} signed for the {product}, deposit of {amount} paid."),
    (
        "sales",
        "positive",
        "normal",
        "Great meeting with {name}! Very keen on the {product} 😀 send the brochure and book a "
        "visit.",
    ),
    (
        "sales",
        "negative",
        "high",
        "{name} going with a competitor unless we match {amount} by {date}. Needs a decision.",
    ),
    (
        "sales",
        "negative",
        "low",
        "Lost the {product} deal with {name}, they chose a cheaper supplier. Closed lost.",
    ),
    (
        "sales",
        "neutral",
        "normal",
        "{name} wants samples of the {product} finishes. Post them and call on {date}.",
    ),
    (
        "sales",
        "positive",
        "low",
        "{name} très contente du {product}, merci! Rien à faire.",
    ),
    (
        "sales",
        "negative",
        "critical",
        "Key account {name} terminating the contract in 5 days over the {product} delays. "
        "Director must call today.",
    ),
    # --- finance
    (
        "finance",
        "neutral",
        "normal",
        "Invoice {invoice} ({amount}) is overdue. First reminder sent to {name}.",
    ),
    (
        "finance",
        "neutral",
        "low",
        "Payment of {amount} received from {name} for {invoice}. Allocated.",
    ),
    (
        "finance",
        "negative",
        "high",
        "{invoice} ({amount}) 60 days overdue and {name} ignores reminders. Final notice next.",
    ),
    (
        "finance",
        "negative",
        "critical",
        "{name}'s solicitor threatens court over the refund of {amount} unless paid by {date}.",
    ),
    (
        "finance",
        "positive",
        "low",
        "{name} paid {invoice} early and thanked us for the clear invoice.",
    ),
    (
        "finance",
        "negative",
        "critical",
        "Chargeback of {amount} on order {order}: evidence due by {date}, send today.",
    ),
    (
        "finance",
        "negative",
        "critical",
        "Possible fraud on order {order}: card name does not match, {amount}. Hold delivery now.",
    ),
    (
        "finance",
        "negative",
        "normal",
        "{name} disputes the delivery charge on {invoice}. Check the contract and reply.",
    ),
    (
        "finance",
        "negative",
        "low",
        "{name} moaned about the card surcharge on {invoice} but paid {amount}. Nothing to do.",
    ),
    (
        "finance",
        "neutral",
        "normal",
        "{name} asks for a copy of {invoice} with the company address. Send by {date}.",
    ),
    (
        "finance",
        "neutral",
        "low",
        "Zahlung {amount} von {name} erhalten, Rechnung {invoice} ausgeglichen.",
    ),
    # --- field
    ("field", "neutral", "low", "Delivered the {product} to {name}, signed for, no damage."),
    (
        "field",
        "neutral",
        "normal",
        "Survey done at {name}'s for the {product}. Quote to follow by {date}.",
    ),
    (
        "field",
        "negative",
        "high",
        "Could not finish fitting the {product} for {name}: wrong part delivered. Customer upset.",
    ),
    (
        "field",
        "negative",
        "critical",
        "Live wires behind the {product} at {name}'s. Circuit isolated, electrician today.",
    ),
    ("field", "positive", "low", "Fitted the {product}, {name} delighted with the result."),
    (
        "field",
        "negative",
        "high",
        "{name} has had no working kitchen for a week, the {product} is still missing. Angry.",
    ),
    (
        "field",
        "negative",
        "critical",
        "Asbestos suspected behind the {product} at {name}'s. Work stopped, survey needed today.",
    ),
    (
        "field",
        "neutral",
        "normal",
        "Measured up for the {product} at {name}'s. Order the worktop before {date}.",
    ),
    (
        "field",
        "positive",
        "low",
        "{name} was not unhappy at all with the {product} install, gave the crew coffee ☕.",
    ),
    (
        "field",
        "negative",
        "normal",
        "Small dent in the {product} at {name}'s, customer annoyed. Touch-up kit to order.",
    ),
    (
        "field",
        "neutral",
        "low",
        "Dostarczono {product} do {name}, bez uszkodzeń. Podpisane.",
    ),
)

FIRST_NAMES: Final = (
    "Olivia", "Liam", "Amelia", "Noah", "Isla", "Ava", "George", "Mia", "Priya", "Arjun",
    "Mei", "Lucas", "Elena", "Mateo", "Hannah", "Zara", "Tomasz", "Giulia", "Kofi", "Ines",
)  # fmt: skip
LAST_NAMES: Final = (
    "Smith", "Jones", "Taylor", "Patel", "Wright", "Evans", "Khan", "Chen", "Nguyen", "Garcia",
    "Rossi", "Novak", "Kowalski", "Mensah", "Okafor", "Murphy", "Hughes", "Turner", "King",
)  # fmt: skip
PRODUCTS: Final = (
    "corner sofa", "oak dining table", "fitted wardrobe", "range cooker", "walk-in shower",
    "kitchen worktop", "recliner chair", "bathroom vanity", "extractor hood", "sash window",
    "boiler", "dishwasher", "bookcase", "bed frame", "patio door",
)  # fmt: skip
