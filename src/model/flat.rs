//! A result as a flat list of numbers, and back: how a result the core made in a Web Worker
//! reaches the page's core (src/web/handed.rs). Both ends run the same code, so the list
//! carries no field names: a struct is its fields in order, a list its length then its items,
//! an option 0 (none) or 1 then its value, a unit variant its index, a name (an input's field
//! or a constant's) its place among the model's names. Anything else is refused. A field the
//! writer skips (`skip_serializing_if`) would shift every number after it: the results have none,
//! and `tests/model_results_flat.rs` reads each back whole.
//!
//! Written through serde (the results' `Serialize`, which the page's JS objects use too); read
//! by [`FromFlat`], each result's fields listed below in the order it declares them. Reading a JS
//! object through serde-wasm-bindgen instead made the wasm about 12 KB gzip larger for the three
//! results (it matches every field by name, through JS calls); reading the numbers through
//! serde's `Deserialize` cost 5.2 KB gzip (its visitors and messages, for each type), this reader
//! 1.8 KB.

use super::calibration::CONSTANTS;
use super::engine::Side;
use super::game::{BreakEvenKind, Call};
use super::inputs::input_specs;
use super::monte_carlo::{AgiYearBar, MonteCarlo, RiskFigures, SideRisk, Steadier, Varied};
use super::sensitivity::{Sensitivity, TornadoBar, TornadoEnd, ZeroReason};
use super::strategy_map::{MapCell, StrategyMap};
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// Why a value could not be written or read: words without the values (carrying them, as a
/// `String`, made the reading of every field larger in the wasm).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlatError(&'static str);

impl fmt::Display for FlatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "flat result: {}", self.0)
    }
}

impl std::error::Error for FlatError {}

impl ser::Error for FlatError {
    fn custom<T: fmt::Display>(_: T) -> FlatError {
        FlatError("a value it cannot hold")
    }
}

fn refused<T>(what: &'static str) -> Result<T, FlatError> {
    Err(FlatError(what))
}

/// The names a result may hold: every input's field, then every constant's name.
fn names() -> impl Iterator<Item = &'static str> {
    let fields = input_specs().iter().map(|spec| spec.field);
    fields.chain(CONSTANTS.iter().map(|constant| constant.name))
}

/// The largest integer a double holds exactly (2^53).
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// `value` written flat.
pub fn to_flat<T: Serialize>(value: &T) -> Result<Vec<f64>, FlatError> {
    let mut writer = Writer(Vec::new());
    value.serialize(&mut writer)?;
    Ok(writer.0)
}

/// A `T` read from what [`to_flat`] wrote, every number used.
pub fn from_flat<T: FromFlat>(numbers: &[f64]) -> Result<T, FlatError> {
    let mut reader = Reader {
        numbers,
        at: 0,
        error: None,
    };
    let value = reader.read::<T>();
    match reader.error {
        Some(error) => Err(error),
        None if reader.at != numbers.len() => Err(FlatError("numbers left over")),
        None => Ok(value),
    }
}

struct Writer(Vec<f64>);

/// `Serializer` methods that write their value as the double it converts to without loss.
macro_rules! put_as_double {
    ($($method:ident: $kind:ty),*) => {
        $(fn $method(self, v: $kind) -> Result<(), FlatError> {
            self.put(f64::from(v))
        })*
    };
}

impl Writer {
    fn put(&mut self, number: f64) -> Result<(), FlatError> {
        self.0.push(number);
        Ok(())
    }

    /// An integer of `magnitude` (its absolute value), only where a double holds it exactly.
    fn put_integer(&mut self, integer: f64, magnitude: u64) -> Result<(), FlatError> {
        if magnitude > EXACT_INTEGER as u64 {
            return Err(FlatError("an integer past those a double holds"));
        }
        self.put(integer)
    }
}

impl ser::Serializer for &mut Writer {
    type Ok = ();
    type Error = FlatError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeStruct = Self;
    type SerializeTupleStruct = Impossible<(), FlatError>;
    type SerializeTupleVariant = Impossible<(), FlatError>;
    type SerializeMap = Impossible<(), FlatError>;
    type SerializeStructVariant = Impossible<(), FlatError>;

    fn serialize_bool(self, v: bool) -> Result<(), FlatError> {
        self.put(f64::from(u8::from(v)))
    }
    // Every kind a double holds exactly.
    put_as_double!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_f32: f32,
        serialize_f64: f64
    );
    fn serialize_i64(self, v: i64) -> Result<(), FlatError> {
        self.put_integer(v as f64, v.unsigned_abs())
    }
    fn serialize_u64(self, v: u64) -> Result<(), FlatError> {
        self.put_integer(v as f64, v)
    }
    fn serialize_char(self, _: char) -> Result<(), FlatError> {
        refused("no character")
    }
    fn serialize_str(self, v: &str) -> Result<(), FlatError> {
        match names().position(|name| name == v) {
            Some(place) => self.put(place as f64),
            None => Err(FlatError("a name that is not one of the model's")),
        }
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), FlatError> {
        refused("no bytes")
    }
    fn serialize_none(self) -> Result<(), FlatError> {
        self.put(0.0)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), FlatError> {
        self.put(1.0)?;
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), FlatError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), FlatError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
    ) -> Result<(), FlatError> {
        self.put(f64::from(index))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), FlatError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), FlatError> {
        refused("no variant with a value")
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, FlatError> {
        let Some(len) = len else {
            return refused("no list of unknown length");
        };
        self.put(len as f64)?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, FlatError> {
        Ok(self)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, FlatError> {
        refused("no tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, FlatError> {
        refused("no variant with values")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, FlatError> {
        refused("no map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, FlatError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, FlatError> {
        refused("no variant with fields")
    }
}

/// A list's and a tuple's items: each in turn.
macro_rules! put_items {
    ($($kind:ident),*) => {
        $(impl ser::$kind for &mut Writer {
            type Ok = ();
            type Error = FlatError;
            fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), FlatError> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), FlatError> {
                Ok(())
            }
        })*
    };
}
put_items!(SerializeSeq, SerializeTuple);

impl ser::SerializeStruct for &mut Writer {
    type Ok = ();
    type Error = FlatError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), FlatError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), FlatError> {
        Ok(())
    }
}

/// The numbers [`from_flat`] reads, how far it has read, and the first thing in them that was
/// not what it read them as. After that, each read gives a stand-in value (the result is thrown
/// away): a read has no error path of its own, which kept the reading of every field small.
pub struct Reader<'a> {
    numbers: &'a [f64],
    at: usize,
    error: Option<FlatError>,
}

impl Reader<'_> {
    /// The next value, of type `T`.
    fn read<T: FromFlat>(&mut self) -> T {
        T::read(self)
    }

    /// `stand_in`, noting `what` was wrong (the first such).
    fn refuse<T>(&mut self, what: &'static str, stand_in: T) -> T {
        self.error.get_or_insert(FlatError(what));
        stand_in
    }

    fn next(&mut self) -> f64 {
        match self.numbers.get(self.at) {
            Some(&number) => {
                self.at += 1;
                number
            }
            None => self.refuse("the numbers end too soon", 0.0),
        }
    }

    /// The next number if it is an integer from `min` to `max`; else 0, noting `what`.
    fn integer(&mut self, min: f64, max: f64, what: &'static str) -> f64 {
        let number = self.next();
        if number.fract() != 0.0 || !(min..=max).contains(&number) {
            return self.refuse(what, 0.0);
        }
        number
    }

    /// The next number as a whole number from 0 up to `below` (excluded).
    fn whole(&mut self, below: usize, what: &'static str) -> usize {
        self.integer(0.0, below as f64 - 1.0, what) as usize
    }

    /// One of `variants` (a unit enum's, in the order it declares them), by its index.
    fn variant<T: Copy>(&mut self, variants: &[T]) -> T {
        variants[self.whole(variants.len(), "a variant's index past its variants")]
    }
}

/// A value read back from what [`to_flat`] wrote.
pub trait FromFlat {
    fn read(from: &mut Reader<'_>) -> Self;
}

impl FromFlat for f64 {
    fn read(from: &mut Reader<'_>) -> Self {
        from.next()
    }
}

impl FromFlat for bool {
    fn read(from: &mut Reader<'_>) -> Self {
        from.whole(2, "a yes or no that is neither 0 nor 1") == 1
    }
}

/// Integers, each within its type's range (and a double's exact integers).
macro_rules! read_integers {
    ($($kind:ty),*) => {
        $(impl FromFlat for $kind {
            fn read(from: &mut Reader<'_>) -> Self {
                let min = (<$kind>::MIN as f64).max(-EXACT_INTEGER);
                let max = (<$kind>::MAX as f64).min(EXACT_INTEGER);
                from.integer(min, max, "a number that is not an integer of its kind") as $kind
            }
        })*
    };
}
read_integers!(i32, u32, u64);

/// A name: its place among the model's names.
impl FromFlat for &'static str {
    fn read(from: &mut Reader<'_>) -> Self {
        let place = from.whole(usize::MAX, "a name's place that is not a whole number");
        match names().nth(place) {
            Some(name) => name,
            None => from.refuse("a name's place past the model's names", ""),
        }
    }
}

impl<T: FromFlat> FromFlat for Option<T> {
    fn read(from: &mut Reader<'_>) -> Self {
        match from.whole(2, "an option's mark that is neither 0 nor 1") {
            1 => Some(from.read()),
            _ => None,
        }
    }
}

impl<T: FromFlat> FromFlat for Vec<T> {
    fn read(from: &mut Reader<'_>) -> Self {
        let length = from.whole(usize::MAX, "a list's length that is not a whole number");
        // At most one item per number left; grown as read, not reserved from the length.
        if length > from.numbers.len() - from.at {
            return from.refuse("a list longer than the numbers left", Vec::new());
        }
        let mut items = Vec::new();
        for _ in 0..length {
            items.push(from.read());
        }
        items
    }
}

/// Unit enums, each with its variants in the order it declares them (serde writes that index;
/// `tests/model_results_flat.rs` holds each list to it). The match makes the compiler ask for a
/// variant added to the enum.
macro_rules! read_variants {
    ($($kind:ident: [$($variant:ident),*])*) => {
        $(impl FromFlat for $kind {
            fn read(from: &mut Reader<'_>) -> Self {
                let _every_variant_listed = |v: $kind| match v { $($kind::$variant)|* => () };
                from.variant(&[$($kind::$variant),*])
            }
        })*
    };
}
read_variants! {
    Side: [Us, Cn]
    Call: [Sprint, Pace, TooCloseToCall]
    BreakEvenKind: [Until, From, Mixed, Always, Never, TooCloseToCall]
    Steadier: [Sprint, Pace, AboutAsSteady, Mixed]
    ZeroReason: [NoAgi, NoPrize, LimitSlack, NoPriceWar, RaceDecided, ChinaSideOnly, OtherPrizeAnchor, Other]
}

/// The results' structs, each with its fields in the order it declares them: the struct
/// literal makes the compiler ask for every field, and the fields are read in the order
/// written.
macro_rules! read_fields {
    ($($kind:ident { $($field:ident),* })*) => {
        $(impl FromFlat for $kind {
            fn read(from: &mut Reader<'_>) -> Self {
                $kind { $($field: from.read()),* }
            }
        })*
    };
}
read_fields! {
    Varied { name, low, high, step, correlated_with_agi }
    AgiYearBar { year, sprint_pays, pace_pays, too_close_to_call }
    RiskFigures {
        share_loss, npv_p10, npv_median, peak_funding_need, peak_funding_need_to_ocf,
        peak_funding_need_p90
    }
    SideRisk { side, sprint, pace, steadier, share_loss_gap, npv_p10_gap }
    MonteCarlo {
        runs, seed, us_share_sprint_pays, us_share_pace_pays, us_share_too_close,
        cn_share_sprint_pays, cn_share_pace_pays, cn_share_too_close, share_agi_by_2060,
        us_margin_p10, us_margin_median, us_margin_p90, agi_years, us_risk, cn_risk, varied
    }
    TornadoEnd { input, outcome, band, call, break_even_kind, break_even_agi_year }
    TornadoBar { field, is_input, base_input, low, high, swing, flips, zero_reason }
    Sensitivity { base_outcome, base_band, base_call, bars, fixed_figures }
    MapCell { agi_year, value, call, sprint_minus_pace, pv_capex_pacing }
    StrategyMap { field, values, cells, reader_agi_year, reader_value }
}
