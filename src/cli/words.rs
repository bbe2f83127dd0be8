//! Options whose values are the model's vocabulary (a session's type, a status). clap
//! lists the codes in `--help` and in its error from the model's own variants, and reads
//! a value as the model does (accents, case and synonyms set aside), so the command line
//! restates nothing by hand.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use strum::VariantArray;

#[derive(Clone)]
pub(crate) struct Vocabulary<T: 'static> {
    read: fn(&str) -> Option<T>,
}

/// A value parser for one of the model's vocabulary enums, read by `read`.
pub(crate) fn vocabulary<T>(read: fn(&str) -> Option<T>) -> Vocabulary<T> {
    Vocabulary { read }
}

fn codes<T: VariantArray + Copy + Into<&'static str>>() -> impl Iterator<Item = &'static str> {
    T::VARIANTS.iter().map(|&v| v.into())
}

impl<T> TypedValueParser for Vocabulary<T>
where
    T: VariantArray + Copy + Into<&'static str> + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        (self.read)(&text).ok_or_else(|| {
            let mut e = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            let arg = arg.map(|a| a.to_string()).unwrap_or_default();
            e.insert(ContextKind::InvalidArg, ContextValue::String(arg));
            e.insert(ContextKind::InvalidValue, ContextValue::String(text.into()));
            let valid = codes::<T>().map(str::to_string).collect();
            e.insert(ContextKind::ValidValue, ContextValue::Strings(valid));
            e
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(codes::<T>().map(PossibleValue::new)))
    }
}
