//! Events as Arrow record batches with the columns of the Parquet export.
//!
//! The Parquet export (`dateline_export::parquet`) is the one definition of
//! the event table. A batch is written with it into memory and read back
//! with the `parquet` crate's Arrow reader, so the Python table has exactly
//! the schema pyarrow, polars or Spark read from `dateline events --format
//! parquet` files, and the two cannot drift apart. (Encoding costs about a
//! microsecond per value, nothing next to coding the article.)

use std::sync::OnceLock;

use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_schema::SchemaRef;
use dateline_export::EventRecord;
use dateline_export::parquet::ParquetWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use rayon::prelude::*;

/// Events per record batch.
pub const BATCH_ROWS: usize = 8192;

/// The event table's schema.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let (schema, _) = round_trip(&[]).expect("an empty event file reads back");
            schema
        })
        .clone()
}

/// The events as record batches of at most [`BATCH_ROWS`] rows, converted
/// in parallel, in order.
pub fn batches(events: &[EventRecord]) -> Result<Vec<RecordBatch>, String> {
    let chunks: Vec<Result<Vec<RecordBatch>, String>> = events
        .par_chunks(BATCH_ROWS)
        .map(|chunk| round_trip(chunk).map(|(_, batches)| batches))
        .collect();
    let mut batches = Vec::new();
    for chunk in chunks {
        batches.extend(chunk?);
    }
    Ok(batches)
}

/// Writes the events as Parquet in memory and reads them back as Arrow.
fn round_trip(events: &[EventRecord]) -> Result<(SchemaRef, Vec<RecordBatch>), String> {
    let mut buffer: Vec<u8> = Vec::new();
    let mut writer = ParquetWriter::new(&mut buffer).map_err(|err| err.to_string())?;
    for event in events {
        writer.write(event).map_err(|err| err.to_string())?;
    }
    writer.finish().map_err(|err| err.to_string())?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(buffer))
        .map_err(|err| err.to_string())?
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|err| err.to_string())?;
    let schema = reader.schema();
    let batches = reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| err.to_string())?;
    Ok((schema, batches))
}
