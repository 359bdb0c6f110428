//! Python values in, Rust values out: paths, dates, records.

use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (Arrow's `date32`).
pub fn days_since_epoch(date: &str) -> Option<i32> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(date.signed_duration_since(epoch).num_days()).ok()
}

/// One path (`str` or `os.PathLike`) or an iterable of them.
pub fn paths(value: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if let Ok(path) = value.extract::<PathBuf>() {
        return Ok(vec![path]);
    }
    let mut paths = Vec::new();
    for (idx, item) in value.try_iter()?.enumerate() {
        let item = item?;
        paths.push(item.extract::<PathBuf>().map_err(|_| {
            PyTypeError::new_err(format!(
                "paths[{idx}]: expected a str or os.PathLike, got {}",
                type_name(&item)
            ))
        })?);
    }
    Ok(paths)
}

/// A date given as `datetime.date` (or `datetime`) or `"YYYY-MM-DD"`.
pub fn date(value: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    if let Ok(text) = value.extract::<String>() {
        return NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            PyValueError::new_err(format!("{what}: expected YYYY-MM-DD, got {text:?}"))
        });
    }
    if value.hasattr("isoformat")? && value.hasattr("year")? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u32 = value.getattr("month")?.extract()?;
        let day: u32 = value.getattr("day")?.extract()?;
        return NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| PyValueError::new_err(format!("{what}: not a calendar date")));
    }
    Err(PyTypeError::new_err(format!(
        "{what}: expected a datetime.date or a YYYY-MM-DD string, got {}",
        type_name(value)
    )))
}

/// An optional date argument.
pub fn opt_date(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<NaiveDate>> {
    value
        .filter(|value| !value.is_none())
        .map(|value| date(value, what))
        .transpose()
}

/// A record (a `dict` with `text` or `html`, `id`, `url`, `date`, ...) as
/// JSON. Dates and datetimes become ISO 8601 text; other values must be
/// JSON values already.
pub fn json_record(value: &Bound<'_, PyAny>, what: &str) -> PyResult<serde_json::Value> {
    if value.is_none() {
        return Ok(serde_json::Value::Null);
    }
    if let Ok(boolean) = value.cast::<PyBool>() {
        return Ok(serde_json::Value::Bool(boolean.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(int) = value.extract::<i64>() {
            return Ok(int.into());
        }
        return Ok(serde_json::Value::String(value.str()?.to_string()));
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(float.value())
            .map_or(serde_json::Value::Null, serde_json::Value::Number));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(serde_json::Value::String(text.to_cow()?.into_owned()));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut object = serde_json::Map::new();
        for (key, item) in dict.iter() {
            let key: String = key.str()?.to_string();
            let item = json_record(&item, &format!("{what}[{key:?}]"))?;
            object.insert(key, item);
        }
        return Ok(serde_json::Value::Object(object));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = value
            .try_iter()?
            .enumerate()
            .map(|(idx, item)| json_record(&item?, &format!("{what}[{idx}]")))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(serde_json::Value::Array(items));
    }
    if value.hasattr("isoformat")? {
        return Ok(serde_json::Value::String(
            value.call_method0("isoformat")?.extract()?,
        ));
    }
    Err(PyTypeError::new_err(format!(
        "{what}: cannot store a {} in a record",
        type_name(value)
    )))
}

pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |name| name.to_string())
}
