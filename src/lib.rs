//! AI Capex Explainer: the dataset, the what-if calculator and the charts of an interactive
//! explainer about the AI spending race between the US and Chinese tech giants.
//!
//! Data flows one way: [`data`] (the sourced dataset) → [`model`] (the pure what-if
//! calculator) → [`charts`] (plotters drawing, generic over the backend) → `web` (the only
//! module that touches wasm-bindgen / web-sys, compiled for wasm32 only).

pub mod charts;
pub mod data;
pub mod model;

mod sort;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The wasm allocator: talc is about 2.8 KB gzip smaller than the default dlmalloc.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
