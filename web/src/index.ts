// The bundle's entry: defines <customer-notes> and its parts.
import "./customer-notes.js";
