//! A result as a flat list of numbers, and back: how a result the core made in a Web Worker
//! reaches the page's core (src/web/handed.rs). Both ends run the same code, so the list
//! carries no field names: a struct is its fields in order, a list its length then its items,
//! an option 0 (none) or 1 then its value, a unit variant its index, a name (an input's field
//! or a constant's) its place among the model's names. Anything else is refused. A field the
//! writer skips (`skip_serializing_if`) would shift every number after it: the results have none,
//! and `tests/model_results_flat.rs` reads each back whole.
//!
//! Reading a JS object through serde-wasm-bindgen instead made the wasm about 12 KB gzip
//! larger for the three results (it matches every field by name, through JS calls).

use super::calibration::CONSTANTS;
use super::inputs::input_specs;
use serde::de::value::U32Deserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
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

impl de::Error for FlatError {
    fn custom<T: fmt::Display>(_: T) -> FlatError {
        FlatError("numbers that are not the result they stand for")
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
pub fn from_flat<T: de::Deserialize<'static>>(numbers: &[f64]) -> Result<T, FlatError> {
    let mut reader = Reader { numbers, at: 0 };
    let value = T::deserialize(&mut reader)?;
    if reader.at != numbers.len() {
        return Err(FlatError("numbers left over"));
    }
    Ok(value)
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

struct Reader<'a> {
    numbers: &'a [f64],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<f64, FlatError> {
        let number = self
            .numbers
            .get(self.at)
            .copied()
            .ok_or(FlatError("the numbers end too soon"))?;
        self.at += 1;
        Ok(number)
    }

    /// The next number as a whole number from 0 up to `below` (excluded).
    fn whole(&mut self, below: usize, what: &'static str) -> Result<usize, FlatError> {
        let number = self.next()?;
        if number.fract() != 0.0 || number < 0.0 || number >= below as f64 {
            return Err(FlatError(what));
        }
        Ok(number as usize)
    }

    fn integer(&mut self) -> Result<f64, FlatError> {
        let number = self.next()?;
        if number.fract() != 0.0 || number.abs() > EXACT_INTEGER {
            return Err(FlatError("a number that is not an integer"));
        }
        Ok(number)
    }

    /// A list's length: at most one item per number left.
    fn length(&mut self) -> Result<usize, FlatError> {
        let left = self.numbers.len() - self.at;
        self.whole(left + 1, "a list longer than the numbers left")
    }
}

impl<'a> de::Deserializer<'static> for &mut Reader<'a> {
    type Error = FlatError;

    fn deserialize_any<V: Visitor<'static>>(self, _: V) -> Result<V::Value, FlatError> {
        refused("no value of a type it does not name")
    }
    fn deserialize_bool<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        visitor.visit_bool(self.whole(2, "a yes or no that is neither 0 nor 1")? == 1)
    }
    fn deserialize_i64<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        visitor.visit_i64(self.integer()? as i64)
    }
    // The other integers as one: serde's visitor for each checks its range.
    fn deserialize_i32<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u32<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u64<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_f32<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_f64<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        visitor.visit_f64(self.next()?)
    }
    fn deserialize_str<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        let place = self.whole(usize::MAX, "a name's place that is not a whole number")?;
        match names().nth(place) {
            Some(name) => visitor.visit_borrowed_str(name),
            None => Err(FlatError("a name's place past the model's names")),
        }
    }
    fn deserialize_string<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_option<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        if self.whole(2, "an option's mark that is neither 0 nor 1")? == 1 {
            visitor.visit_some(self)
        } else {
            visitor.visit_none()
        }
    }
    fn deserialize_unit<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        visitor.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'static>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, FlatError> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, FlatError> {
        let left = self.length()?;
        visitor.visit_seq(Items { reader: self, left })
    }
    fn deserialize_tuple<V: Visitor<'static>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, FlatError> {
        visitor.visit_seq(Items {
            reader: self,
            left: len,
        })
    }
    /// A struct is its fields in order, as a tuple.
    fn deserialize_struct<V: Visitor<'static>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FlatError> {
        self.deserialize_tuple(fields.len(), visitor)
    }
    fn deserialize_enum<V: Visitor<'static>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FlatError> {
        let index = self.whole(variants.len(), "a variant's index past its variants")?;
        visitor.visit_enum(UnitVariant(index as u32))
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'static>>
        i8 i16 i128 u8 u16 u128 char bytes byte_buf unit_struct tuple_struct map identifier ignored_any
    }
}

/// The items of a list, tuple or struct, `left` of them still to read.
struct Items<'r, 'a> {
    reader: &'r mut Reader<'a>,
    left: usize,
}

impl<'r, 'a> de::SeqAccess<'static> for Items<'r, 'a> {
    type Error = FlatError;
    fn next_element_seed<T: DeserializeSeed<'static>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, FlatError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// A unit variant, by its index.
struct UnitVariant(u32);

impl de::EnumAccess<'static> for UnitVariant {
    type Error = FlatError;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'static>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), FlatError> {
        let index: U32Deserializer<FlatError> = self.0.into_deserializer();
        Ok((seed.deserialize(index)?, self))
    }
}

impl de::VariantAccess<'static> for UnitVariant {
    type Error = FlatError;
    fn unit_variant(self) -> Result<(), FlatError> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'static>>(
        self,
        _: T,
    ) -> Result<T::Value, FlatError> {
        refused("no variant with a value")
    }
    fn tuple_variant<V: Visitor<'static>>(self, _: usize, _: V) -> Result<V::Value, FlatError> {
        refused("no variant with values")
    }
    fn struct_variant<V: Visitor<'static>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, FlatError> {
        refused("no variant with fields")
    }
}
