//! A JSON document already parsed, whoever parsed it: serde_json natively, the browser's
//! `JSON.parse` on the web (src/web builds the tree from the JS value), so the wasm ships no
//! JSON parser. Records are read from it through serde, with serde_json's wording for what
//! does not fit ("missing field `x`", "invalid type: null, expected a string"), so a file gets
//! the same messages on the page and on the command line.

use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer, StrDeserializer};
use serde::de::{self, IntoDeserializer, Unexpected, Visitor};

/// How deep lists and objects may nest: serde_json's limit, which the page keeps too.
pub const MAX_DEPTH: usize = 128;

/// One JSON value. Numbers are f64, as JavaScript reads them.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonTree {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<JsonTree>),
    /// Members in file order.
    Object(Vec<(String, JsonTree)>),
}

impl JsonTree {
    /// An object's member `key`.
    pub fn get(&self, key: &str) -> Option<&JsonTree> {
        match self {
            JsonTree::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            JsonTree::String(text) => Some(text),
            _ => None,
        }
    }

    /// The number, if this is a whole number from 0 to 2^53.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            JsonTree::Number(n) if n >= 0.0 && n <= MAX_EXACT && n.fract() == 0.0 => Some(n as u64),
            _ => None,
        }
    }

    /// Reads a `T` from this value, with the message serde_json would give when it does not fit.
    pub fn read<T: de::DeserializeOwned>(&self) -> Result<T, TreeError> {
        T::deserialize(self)
    }

    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            JsonTree::Null => Unexpected::Unit,
            JsonTree::Bool(b) => Unexpected::Bool(*b),
            JsonTree::Number(n) => Unexpected::Float(*n),
            JsonTree::String(s) => Unexpected::Str(s),
            JsonTree::Array(_) => Unexpected::Seq,
            JsonTree::Object(_) => Unexpected::Map,
        }
    }
}

/// The largest f64 up to which every whole number is exact.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// Why a value does not fit the record type asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeError(String);

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TreeError {}

/// serde's wording, but `null` for JSON's null (serde says "unit value"), as serde_json says.
struct JsonUnexpected<'a>(Unexpected<'a>);

impl fmt::Display for JsonUnexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            other => other.fmt(f),
        }
    }
}

impl de::Error for TreeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        TreeError(message.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        TreeError(format!(
            "invalid type: {}, expected {expected}",
            JsonUnexpected(unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        TreeError(format!(
            "invalid value: {}, expected {expected}",
            JsonUnexpected(unexpected)
        ))
    }
}

impl<'de> IntoDeserializer<'de, TreeError> for &'de JsonTree {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for &'de JsonTree {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::Null => visitor.visit_unit(),
            JsonTree::Bool(b) => visitor.visit_bool(*b),
            // A whole number reads as an integer, as serde_json reads `2024`; JavaScript
            // cannot tell `2024.0` from it, so neither does this.
            JsonTree::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_EXACT => {
                if *n >= 0.0 {
                    visitor.visit_u64(*n as u64)
                } else {
                    visitor.visit_i64(*n as i64)
                }
            }
            JsonTree::Number(n) => visitor.visit_f64(*n),
            JsonTree::String(s) => visitor.visit_str(s),
            JsonTree::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            JsonTree::Object(members) => {
                let mut map = MapDeserializer::new(members.iter().map(|(k, v)| (k.as_str(), v)));
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// The dataset's choices are names (`"usd_bn"`); nothing else names a variant.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::String(s) => {
                let name: StrDeserializer<'_, TreeError> = s.as_str().into_deserializer();
                visitor.visit_enum(name)
            }
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"string or map",
            )),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl From<serde_json::Value> for JsonTree {
    fn from(value: serde_json::Value) -> JsonTree {
        use serde_json::Value;
        match value {
            Value::Null => JsonTree::Null,
            Value::Bool(b) => JsonTree::Bool(b),
            Value::Number(n) => JsonTree::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => JsonTree::String(s),
            Value::Array(items) => JsonTree::Array(items.into_iter().map(JsonTree::from).collect()),
            Value::Object(members) => JsonTree::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k, JsonTree::from(v)))
                    .collect(),
            ),
        }
    }
}
