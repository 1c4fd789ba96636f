//! Staff routes under `/v1/staff/`: same origin only, signed-in staff of
//! one city, who never see another city's data.

pub mod accounts;
pub mod audit;
pub mod city;
pub mod city_replies;
pub mod city_view;
pub mod code_sets;
pub mod embed_check;
pub mod export_pages;
pub mod exports;
pub mod guessing;
pub mod identity_provider;
pub mod integrity;
pub mod lifecycle;
pub mod member;
pub mod moderation;
pub mod participation;
pub mod session;
pub mod staff_ideas;
pub mod staff_widgets;
pub mod widget_results;
pub mod widget_writes;

#[cfg(test)]
mod city_scope;
