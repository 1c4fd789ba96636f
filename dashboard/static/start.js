// Starts the dashboard. A file of its own, not an inline script, so the
// page's Content-Security-Policy allows no inline script at all.
import init from "/admin/pkg/parvis_dashboard.js";

init({ module_or_path: "/admin/pkg/parvis_dashboard_bg.wasm" });
