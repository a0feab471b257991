//! A JSON document as json_text.rs reads it. Records are read from it through serde, with
//! serde_json's wording for what does not fit ("missing field `x`", "invalid type: null,
//! expected a string"), so a file gets the same messages on the page and on the command line.

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
            JsonTree::Number(n) if (0.0..=MAX_EXACT).contains(&n) && n.fract() == 0.0 => {
                Some(n as u64)
            }
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
            JsonTree::Number(n) => match whole(*n) {
                Some(Whole::Unsigned(u)) => Unexpected::Unsigned(u),
                Some(Whole::Signed(i)) => Unexpected::Signed(i),
                None => Unexpected::Float(*n),
            },
            JsonTree::String(s) => Unexpected::Str(s),
            JsonTree::Array(_) => Unexpected::Seq,
            JsonTree::Object(_) => Unexpected::Map,
        }
    }

    fn refuse(&self, expected: &dyn de::Expected) -> TreeError {
        de::Error::invalid_type(self.unexpected(), expected)
    }
}

/// A whole number as serde_json reads `2024` or `-5`; JavaScript cannot tell `2024.0` from
/// `2024`, so neither does this.
enum Whole {
    Unsigned(u64),
    Signed(i64),
}

fn whole(n: f64) -> Option<Whole> {
    if n.fract() != 0.0 || n.abs() > MAX_EXACT {
        None
    } else if n >= 0.0 {
        Some(Whole::Unsigned(n as u64))
    } else {
        Some(Whole::Signed(n as i64))
    }
}

fn visit_number<'de, V: Visitor<'de>>(n: f64, visitor: V) -> Result<V::Value, TreeError> {
    match whole(n) {
        Some(Whole::Unsigned(u)) => visitor.visit_u64(u),
        Some(Whole::Signed(i)) => visitor.visit_i64(i),
        None => visitor.visit_f64(n),
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

/// Deserializer methods that read like another one (`$to`).
macro_rules! read_as {
    ($to:ident: $($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
            self.$to(visitor)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &'de JsonTree {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::Null => visitor.visit_unit(),
            JsonTree::Bool(b) => visitor.visit_bool(*b),
            JsonTree::Number(n) => visit_number(*n, visitor),
            JsonTree::String(s) => visitor.visit_str(s),
            JsonTree::Array(_) => self.deserialize_seq(visitor),
            JsonTree::Object(_) => self.deserialize_map(visitor),
        }
    }

    // Each record field asks for one type: answering only that (rather than through
    // `deserialize_any`, whose every branch each field type would carry) keeps the wasm small.

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::Bool(b) => visitor.visit_bool(*b),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::Number(n) => visit_number(*n, visitor),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::String(s) => visitor.visit_str(s),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            JsonTree::Object(members) => {
                let mut map = MapDeserializer::new(members.iter().map(|(k, v)| (k.as_str(), v)));
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
            other => Err(other.refuse(&visitor)),
        }
    }

    /// A record is an object. (serde_json would also take its fields in order as a list; no
    /// editor writes one so, and refusing it keeps every record's list reader out of the wasm.)
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        visitor.visit_unit()
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

    read_as!(deserialize_f64: deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32);
    read_as!(deserialize_str: deserialize_string deserialize_identifier);

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit unit_struct tuple tuple_struct
    }
}
