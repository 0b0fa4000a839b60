// GraphiQL served by the gateway itself (no CDN): bundled into dist/graphiql/ by build.mjs.
// The page (gateway/graphiql_page.py) passes its settings as JSON in #c360-graphiql-config:
// the example queries (one tab each) and, in development, the Authorization header.
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/graphiql.css";
import "@graphiql/plugin-explorer/dist/style.css";

const config = JSON.parse(document.getElementById("c360-graphiql-config")?.textContent || "{}");
const headers = config.headers || "";
const tabs = (config.queries || []).map((query) => ({ query, headers }));
const fetcher = createGraphiQLFetcher({ url: config.endpoint || window.location.pathname });
const explorer = explorerPlugin();
const root = document.getElementById("graphiql");

createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    plugins: [explorer],
    defaultTabs: tabs.length ? tabs : undefined,
    defaultHeaders: headers,
    defaultQuery: tabs.length ? tabs[0].query : undefined,
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    inputValueDeprecation: true,
  }),
);
