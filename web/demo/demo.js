// The demo host page: supplies the agent's token to <customer-notes> and renews it on
// `token-expired`. Tokens come from #token=… in the URL, the sign-in box, or the gateway's
// /demo/token endpoint (only with C360_DEMO=true, never in production).

const params = new URLSearchParams(location.search);
const customerId = params.get("customer") || "cust-00001";
const widget = document.getElementById("notes");
const tokenBox = document.getElementById("token");
const panel = document.getElementById("token-panel");
const roleSelect = document.getElementById("role");
let devTokens = false;

async function mint(choice) {
  const [role, sub, partner] = choice.split(" ");
  const response = await fetch("/demo/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, sub, partner: partner || null }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()).token;
}

async function showCustomer(token) {
  const query = `query DemoHeader($id: ID!) { customer(id: $id) { id name email phone badges } }`;
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { id: customerId } }),
  });
  const customer = (await response.json()).data?.customer;
  document.getElementById("customer-id").textContent = customerId;
  if (!customer) return;
  document.getElementById("customer-name").textContent = customer.name;
  document.getElementById("customer-contact").textContent =
    [customer.email, customer.phone].filter(Boolean).join(" · ");
  const badges = document.getElementById("customer-badges");
  badges.replaceChildren(
    ...customer.badges.map((badge) => Object.assign(document.createElement("li"), { textContent: badge })),
  );
}

function useToken(token) {
  sessionStorage.setItem("demo-token", token);
  widget.token = token;
  void showCustomer(token);
}

async function renew() {
  if (devTokens) return useToken(await mint(roleSelect.value));
  panel.open = true;
  tokenBox.focus();
}

document.getElementById("token-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (tokenBox.value.trim()) useToken(tokenBox.value.trim());
  else if (devTokens) useToken(await mint(roleSelect.value));
});
widget.addEventListener("token-expired", () => void renew());
widget.setAttribute("customer-id", customerId);

async function main() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
  devTokens = (await fetch("/demo/token", { method: "OPTIONS" })).status === 204;
  document.getElementById("dev-signin").hidden = !devTokens;
  const token = fromHash || sessionStorage.getItem("demo-token");
  if (token) useToken(token);
  else if (devTokens) useToken(await mint(roleSelect.value));
  else panel.open = true;
}

void main();
