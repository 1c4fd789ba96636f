//! Replacing the server's markup with the mounted widget, in place: what
//! the resident picked or typed in the server's controls moves to the same
//! controls of the widget, and so does the focus.

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, ShadowRoot};

const CONTROLS: &str = "input, textarea, select";

/// Shows `widget` where `server` was, with the server's input carried over.
pub fn take_over(shadow: &ShadowRoot, server: &Element, widget: &HtmlElement, styles: &Element) {
    let focused = focused_control(shadow, server);
    carry_input(server, widget);
    widget.set_hidden(false);
    // The fragment's own styles and data go with its markup; the widget's
    // styles (the same rules) were added before it.
    let fragment_parts = shadow.query_selector_all("style, script[data-parvis-seed]");
    if let Ok(parts) = fragment_parts {
        for index in 0..parts.length() {
            if let Some(part) = parts.item(index).and_then(|n| n.dyn_into::<Element>().ok())
                && &part != styles
            {
                part.remove();
            }
        }
    }
    server.remove();
    if let Some(index) = focused
        && let Some(control) = controls(widget).get(index)
        && let Some(control) = control.dyn_ref::<HtmlElement>()
    {
        let _ = control.focus();
    }
}

fn controls(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(CONTROLS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<Element>().ok())
        .collect()
}

/// The position of the focused control among the server markup's controls.
fn focused_control(shadow: &ShadowRoot, server: &Element) -> Option<usize> {
    let active = shadow.active_element()?;
    controls(server)
        .iter()
        .position(|control| *control == active)
}

/// Copies each control's state to the widget's control at the same
/// position (the markup is the same), telling the widget as typing would.
fn carry_input(server: &Element, widget: &Element) {
    let widget_controls = controls(widget);
    for (from, to) in controls(server).iter().zip(widget_controls.iter()) {
        if from.tag_name() != to.tag_name()
            || from.get_attribute("type") != to.get_attribute("type")
        {
            // Not the same markup after all: carry nothing rather than the wrong thing.
            return;
        }
        let property = match from.get_attribute("type").as_deref() {
            Some("radio" | "checkbox") => "checked",
            _ => "value",
        };
        let (Ok(was), Ok(now)) = (
            Reflect::get(from, &property.into()),
            Reflect::get(to, &property.into()),
        ) else {
            continue;
        };
        if was != now && Reflect::set(to, &property.into(), &was).unwrap_or(false) {
            notify(to, "input");
            notify(to, "change");
        }
    }
}

fn notify(control: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
        let _ = control.dispatch_event(&event);
    }
}
