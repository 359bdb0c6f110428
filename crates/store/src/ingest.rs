//! Writing a batch of coded articles: once each, in one transaction.
//!
//! An article is known by its id, its URL or its normalised content hash.
//! The same article again is skipped; a changed version of a known id or URL
//! becomes a new revision (the old text is kept in `article_revisions`, its
//! reports are replaced). Every report is then placed in an event by the
//! merge rule, and the events it touched are recounted.

use std::collections::{BTreeSet, HashSet};

use dateline_export::EventRecord;
use dateline_model::Span;
use dateline_resolve::{Anchor, MergeRule, Signature, outlet};

use crate::StoreError;
use crate::article::{ArticleInput, ReferenceInput, content_hash, url_key};
use crate::backend::{Backend, BackendExt, Value, placeholders};
use crate::columns::{SIGNATURE_COLUMNS, signature_values};
use crate::merge::{article_anchor, refresh_event};
use crate::placement::{Group, PendingReport, RemovedReport, place_batch};
use crate::rollup::{self, Change};

/// What one ingest did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Articles given.
    pub articles: usize,
    pub new_articles: usize,
    /// Known articles whose text changed.
    pub revisions: usize,
    /// Articles already stored with this text.
    pub duplicates: usize,
    /// Coded events stored.
    pub reports: usize,
    /// Later sentences referring back to a coded event.
    pub references: usize,
    /// Events started by this ingest.
    pub new_events: usize,
    /// Problems with single reports (skipped), naming article and event.
    pub problems: Vec<String>,
}

impl IngestReport {
    pub fn add(&mut self, other: IngestReport) {
        self.articles += other.articles;
        self.new_articles += other.new_articles;
        self.revisions += other.revisions;
        self.duplicates += other.duplicates;
        self.reports += other.reports;
        self.references += other.references;
        self.new_events += other.new_events;
        self.problems.extend(other.problems);
    }
}

/// Writes a batch in one transaction: all of it or none of it.
pub fn ingest_batch(
    backend: &mut dyn Backend,
    rule: &MergeRule,
    batch: &[ArticleInput],
) -> Result<IngestReport, StoreError> {
    backend.begin_write()?;
    let mut writer = BatchWriter {
        backend: &mut *backend,
        rule,
        report: IngestReport::default(),
        touched: BTreeSet::new(),
        now: crate::now(),
        pending: Vec::new(),
        removed: Vec::new(),
        articles: Vec::new(),
    };
    let result = writer.write_all(batch);
    let report = std::mem::take(&mut writer.report);
    match result {
        Ok(()) => {
            backend.commit()?;
            Ok(report)
        }
        Err(err) => {
            // The error that stopped the batch matters more than a failed rollback.
            let _ = backend.rollback();
            Err(err)
        }
    }
}

/// How an incoming article relates to what is stored.
enum Disposition {
    New,
    Revision { article_id: i64, doc_id: String },
    Duplicate,
}

struct BatchWriter<'a, 'b> {
    backend: &'a mut dyn Backend,
    rule: &'a MergeRule,
    report: IngestReport,
    /// Events whose reports changed, recounted at the end of the batch.
    touched: BTreeSet<i64>,
    now: String,
    /// The batch's coded reports, placed together once every article is written.
    pending: Vec<PendingReport>,
    /// Stored reports that revisions removed.
    removed: Vec<RemovedReport>,
    /// Articles whose reports are pending.
    articles: Vec<StoredArticle<'b>>,
}

/// A written article whose reports wait for placing.
struct StoredArticle<'b> {
    article_id: i64,
    input: &'b ArticleInput,
    /// Per report: its index in `pending`, or `None` when it was skipped.
    pending: Vec<Option<usize>>,
}

impl<'b> BatchWriter<'_, 'b> {
    fn write_all(&mut self, batch: &'b [ArticleInput]) -> Result<(), StoreError> {
        // Every committed batch is a new generation of the store, whichever
        // process wrote it: readers that keep answers compare generations.
        self.backend.execute(
            "INSERT INTO store_settings (name, value) VALUES ('generation', 1)
             ON CONFLICT (name) DO UPDATE SET value = store_settings.value + 1",
            &[],
        )?;
        self.backend.execute(
            "INSERT INTO store_settings (name, value) VALUES ('max_window_days', ?)
             ON CONFLICT (name) DO UPDATE SET value = CASE
                 WHEN excluded.value > store_settings.value THEN excluded.value
                 ELSE store_settings.value END",
            &[i64::from(self.rule.window_days).into()],
        )?;
        for article in batch {
            self.report.articles += 1;
            self.write_article(article)
                .map_err(|err| with_article(err, &article.meta.id))?;
        }
        // Events that revisions emptied go before placing, so their first
        // reports can name new events.
        self.refresh_touched()?;
        let placement = place_batch(self.backend, self.rule, &self.pending, &self.removed)?;
        self.report.new_events += placement.new_events;
        self.touched.extend(placement.touched);
        for article in std::mem::take(&mut self.articles) {
            self.insert_reports(&article, &placement.events)
                .map_err(|err| with_article(err, &article.input.meta.id))?;
        }
        self.refresh_touched()
    }

    /// Recounts the touched events, and their actors' per-period sums:
    /// their old rows taken away before, their new ones added after.
    fn refresh_touched(&mut self) -> Result<(), StoreError> {
        let touched: Vec<i64> = std::mem::take(&mut self.touched).into_iter().collect();
        rollup::apply_events(self.backend, &touched, Change::Remove)?;
        for &event_id in &touched {
            refresh_event(self.backend, event_id)?;
        }
        rollup::apply_events(self.backend, &touched, Change::Add)
    }

    fn write_article(&mut self, article: &'b ArticleInput) -> Result<(), StoreError> {
        // PostgreSQL cannot hold NUL in text; refuse it on both backends alike.
        if article.body.contains('\0') {
            self.report.problems.push(format!(
                "article {}: the body contains a NUL character at byte {}; skipped",
                article.meta.id,
                article.body.find('\0').unwrap_or_default()
            ));
            return Ok(());
        }
        let hash = content_hash(&article.body);
        let url_key = article.meta.url.as_deref().and_then(url_key);
        let (article_id, doc_id) = match self.classify(article, &hash, url_key.as_deref())? {
            Disposition::Duplicate => {
                self.report.duplicates += 1;
                return Ok(());
            }
            Disposition::New => {
                self.report.new_articles += 1;
                let article_id = self.insert_article(article, &hash, url_key.as_deref())?;
                (article_id, article.meta.id.clone())
            }
            Disposition::Revision { article_id, doc_id } => {
                self.report.revisions += 1;
                self.replace_article(article_id, &doc_id, article, &hash, url_key.as_deref())?;
                (article_id, doc_id)
            }
        };
        self.insert_sentences(article_id, &article.sentences)?;
        self.insert_mentions(article_id, article)?;
        self.queue_reports(article_id, &doc_id, article);
        Ok(())
    }

    fn classify(
        &mut self,
        article: &ArticleInput,
        hash: &str,
        url_key: Option<&str>,
    ) -> Result<Disposition, StoreError> {
        let mut known = self.backend.query_row(
            "SELECT id, content_hash, doc_id FROM articles WHERE doc_id = ?",
            &[article.meta.id.as_str().into()],
        )?;
        if known.is_none()
            && let Some(url_key) = url_key
        {
            known = self.backend.query_row(
                "SELECT id, content_hash, doc_id FROM articles WHERE url_key = ?",
                &[url_key.into()],
            )?;
        }
        if let Some(row) = known {
            let article_id = row.int(0)?;
            if row.text(1)? == hash || self.had_revision(article_id, hash)? {
                return Ok(Disposition::Duplicate);
            }
            return Ok(Disposition::Revision {
                article_id,
                doc_id: row.text(2)?,
            });
        }
        let same_text = self
            .backend
            .query_int(
                "SELECT id FROM articles WHERE content_hash = ?
                 UNION ALL SELECT article_id FROM article_revisions WHERE content_hash = ?",
                &[hash.into(), hash.into()],
            )?
            .is_some();
        Ok(if same_text {
            Disposition::Duplicate
        } else {
            Disposition::New
        })
    }

    /// True when an older revision of the article had this text (a stale copy).
    fn had_revision(&mut self, article_id: i64, hash: &str) -> Result<bool, StoreError> {
        Ok(self
            .backend
            .query_int(
                "SELECT revision FROM article_revisions WHERE article_id = ? AND content_hash = ?",
                &[article_id.into(), hash.into()],
            )?
            .is_some())
    }

    fn insert_article(
        &mut self,
        article: &ArticleInput,
        hash: &str,
        url_key: Option<&str>,
    ) -> Result<i64, StoreError> {
        let meta = &article.meta;
        let mut values = vec![meta.id.as_str().into(), hash.into(), 1i64.into()];
        values.extend(self.content_values(article, meta.url.as_deref(), url_key));
        values.push(self.now.as_str().into());
        let sql = format!(
            "INSERT INTO articles (doc_id, content_hash, revision, {}, first_ingested)
             VALUES ({}) RETURNING id",
            CONTENT_COLUMNS.join(", "),
            placeholders(values.len())
        );
        self.backend
            .query_int(&sql, &values)?
            .ok_or_else(|| StoreError::Corrupt("article insert returned no id".into()))
    }

    /// Keeps the current text as a revision, removes its layers and
    /// reports, and writes the new text in its place.
    fn replace_article(
        &mut self,
        article_id: i64,
        doc_id: &str,
        article: &ArticleInput,
        hash: &str,
        url_key: Option<&str>,
    ) -> Result<(), StoreError> {
        let id: Value = article_id.into();
        self.note_removed_reports(article_id, doc_id)?;
        self.backend.execute(
            "INSERT INTO article_revisions
                 (article_id, revision, content_hash, title, date, datetime, body, ingested_at)
             SELECT id, revision, content_hash, title, date, datetime, body, last_ingested
             FROM articles WHERE id = ?",
            std::slice::from_ref(&id),
        )?;
        for row in self.backend.query(
            "SELECT DISTINCT event_id FROM reports WHERE article_id = ?",
            std::slice::from_ref(&id),
        )? {
            self.touched.insert(row.int(0)?);
        }
        for table in ["reports", "sentences", "mentions"] {
            self.backend.execute(
                &format!("DELETE FROM {table} WHERE article_id = ?"),
                std::slice::from_ref(&id),
            )?;
        }
        // A URL another stored article already has stays with that article,
        // and this one keeps the URL it had.
        let url_taken = match url_key {
            Some(key) => self
                .backend
                .query_int(
                    "SELECT id FROM articles WHERE url_key = ? AND id <> ?",
                    &[key.into(), id.clone()],
                )?
                .is_some(),
            None => true,
        };
        let (url, url_key) = if url_taken {
            let row = self
                .backend
                .query_row(
                    "SELECT url, url_key FROM articles WHERE id = ?",
                    std::slice::from_ref(&id),
                )?
                .ok_or_else(|| StoreError::Corrupt(format!("article row {article_id} vanished")))?;
            (row.opt_text(0)?, row.opt_text(1)?)
        } else {
            (article.meta.url.clone(), url_key.map(str::to_string))
        };
        let mut values = vec![hash.into()];
        values.extend(self.content_values(article, url.as_deref(), url_key.as_deref()));
        values.push(id);
        let assignments: Vec<String> = CONTENT_COLUMNS.iter().map(|c| format!("{c} = ?")).collect();
        self.backend.execute(
            &format!(
                "UPDATE articles SET content_hash = ?, revision = revision + 1, {} WHERE id = ?",
                assignments.join(", ")
            ),
            &values,
        )?;
        Ok(())
    }

    /// The values of [`CONTENT_COLUMNS`].
    fn content_values(
        &self,
        article: &ArticleInput,
        url: Option<&str>,
        url_key: Option<&str>,
    ) -> Vec<Value> {
        let meta = &article.meta;
        let extra = serde_json::Value::Object(meta.extra.clone()).to_string();
        vec![
            url.into(),
            url_key.into(),
            meta.title.as_deref().into(),
            meta.date.map(crate::merge::day).into(),
            meta.datetime.as_deref().into(),
            meta.place.as_deref().into(),
            meta.publisher.as_deref().into(),
            article_outlet(article).into(),
            meta.author.as_deref().into(),
            meta.language.as_deref().into(),
            meta.input.to_string().into(),
            extra.into(),
            article.body.as_str().into(),
            self.now.as_str().into(),
        ]
    }

    fn insert_sentences(&mut self, article_id: i64, sentences: &[Span]) -> Result<(), StoreError> {
        let rows: Vec<Vec<Value>> = sentences
            .iter()
            .enumerate()
            .map(|(idx, span)| {
                vec![
                    article_id.into(),
                    (idx as i64).into(),
                    i64::from(span.start).into(),
                    i64::from(span.end).into(),
                ]
            })
            .collect();
        self.backend.insert_rows(
            "sentences",
            &["article_id", "idx", "span_start", "span_end"],
            &rows,
        )
    }

    fn insert_mentions(
        &mut self,
        article_id: i64,
        article: &ArticleInput,
    ) -> Result<(), StoreError> {
        const COLUMNS: &[&str] = &[
            "article_id",
            "idx",
            "sentence_idx",
            "span_start",
            "span_end",
            "actor_code",
            "actor_name",
            "actor_country",
            "actor_kind",
            "place_name",
            "place_country",
            "geonameid",
            "lat",
            "lon",
            "unknown",
            "resolved_by",
        ];
        let rows: Vec<Vec<Value>> = article
            .mentions
            .iter()
            .enumerate()
            .map(|(idx, mention)| {
                vec![
                    article_id.into(),
                    (idx as i64).into(),
                    mention.sentence.map(i64::from).into(),
                    i64::from(mention.span.start).into(),
                    i64::from(mention.span.end).into(),
                    mention.actor_code.clone().into(),
                    mention.actor_name.clone().into(),
                    mention.actor_country.clone().into(),
                    mention.actor_kind.clone().into(),
                    mention.place_name.clone().into(),
                    mention.place_country.clone().into(),
                    mention.geonameid.map(i64::from).into(),
                    mention.lat.into(),
                    mention.lon.into(),
                    mention.unknown.clone().into(),
                    mention.resolved_by.as_str().into(),
                ]
            })
            .collect();
        self.backend.insert_rows("mentions", COLUMNS, &rows)
    }

    /// Where the revised article's stored reports were, so their groups
    /// are placed again from there.
    fn note_removed_reports(&mut self, article_id: i64, doc_id: &str) -> Result<(), StoreError> {
        let rows = self.backend.query(
            "SELECT r.date, e.root_code, e.source_head FROM reports r
             JOIN events e ON e.id = r.event_id
             WHERE r.article_id = ? AND r.kind = 'coded' AND r.date IS NOT NULL",
            &[article_id.into()],
        )?;
        for row in rows {
            self.removed.push(RemovedReport {
                group: Group::dated(row.text(1)?, row.text(2)?),
                date: crate::columns::parse_date(&row.text(0)?)?,
                doc_id: doc_id.to_string(),
            });
        }
        Ok(())
    }

    /// Reads the article's coded events for placing; skips (with a
    /// problem) a report that cannot be read or repeats another.
    fn queue_reports(&mut self, article_id: i64, doc_id: &str, article: &'b ArticleInput) {
        let mut seen_keys = HashSet::new();
        let mut pending = Vec::with_capacity(article.reports.len());
        for (position, record) in article.reports.iter().enumerate() {
            if !seen_keys.insert(record.event_id.as_str()) {
                self.problem(article, record, "repeats another event of the article");
                pending.push(None);
                continue;
            }
            let mut signature = match Signature::from_record(record) {
                Ok(signature) => signature,
                Err(err) => {
                    self.problem(article, record, &err.to_string());
                    pending.push(None);
                    continue;
                }
            };
            if let Anchor::Article(_) = signature.anchor {
                signature.anchor = Anchor::Article(article_anchor(article_id));
            }
            pending.push(Some(self.pending.len()));
            self.pending.push(PendingReport {
                article_id,
                doc_id: doc_id.to_string(),
                position,
                report_key: record.event_id.clone(),
                signature,
            });
        }
        self.articles.push(StoredArticle {
            article_id,
            input: article,
            pending,
        });
    }

    /// Stores an article's placed reports, then the references back to them.
    fn insert_reports(
        &mut self,
        article: &StoredArticle<'_>,
        placed: &[i64],
    ) -> Result<(), StoreError> {
        let outlet = article_outlet(article.input);
        let events: Vec<Option<i64>> = article
            .pending
            .iter()
            .map(|idx| idx.map(|idx| placed[idx]))
            .collect();
        for (record, pending_idx) in article.input.reports.iter().zip(&article.pending) {
            let Some(pending_idx) = *pending_idx else {
                continue;
            };
            let evidence = Evidence::of_record(record);
            let signature = &self.pending[pending_idx].signature;
            let event_id = placed[pending_idx];
            insert_report_row(
                self.backend,
                article.article_id,
                event_id,
                &outlet,
                signature,
                &evidence,
            )?;
            self.report.reports += 1;
        }
        self.insert_references(article.article_id, article.input, &events)
    }

    fn insert_references(
        &mut self,
        article_id: i64,
        article: &ArticleInput,
        events: &[Option<i64>],
    ) -> Result<(), StoreError> {
        let outlet = article_outlet(article);
        for reference in &article.references {
            let Some(Some(event_id)) = events.get(reference.report).copied() else {
                continue;
            };
            let record = &article.reports[reference.report];
            let Some(evidence) = Evidence::of_reference(record, reference, &article.sentences)
            else {
                self.report.problems.push(format!(
                    "article {}: reference in sentence {} names no stored sentence; skipped",
                    article.meta.id, reference.sentence
                ));
                continue;
            };
            let mut signature =
                Signature::from_record(record).map_err(|err| StoreError::Article {
                    article: article.meta.id.clone(),
                    message: err.to_string(),
                })?;
            if let Anchor::Article(_) = signature.anchor {
                signature.anchor = Anchor::Article(article_anchor(article_id));
            }
            self.touched.insert(event_id);
            insert_report_row(
                self.backend,
                article_id,
                event_id,
                &outlet,
                &signature,
                &evidence,
            )?;
            self.report.references += 1;
        }
        Ok(())
    }

    fn problem(&mut self, article: &ArticleInput, record: &EventRecord, message: &str) {
        self.report.problems.push(format!(
            "article {} event {}: {message}; skipped",
            article.meta.id, record.event_id
        ));
    }
}

fn insert_report_row(
    backend: &mut dyn Backend,
    article_id: i64,
    event_id: i64,
    outlet: &str,
    signature: &Signature,
    evidence: &Evidence,
) -> Result<(), StoreError> {
    let start = |span: Option<Span>| span.map(|s| i64::from(s.start));
    let end = |span: Option<Span>| span.map(|s| i64::from(s.end));
    let mut columns = vec![
        "report_key",
        "event_id",
        "article_id",
        "kind",
        "outlet",
        "sentence_idx",
        "sentence_start",
        "sentence_end",
        "trigger_start",
        "trigger_end",
        "source_start",
        "source_end",
        "target_start",
        "target_end",
        "attribution_text",
        "attribution_code",
        "rule",
        "issues",
    ];
    let mut values: Vec<Value> = vec![
        evidence.key.as_str().into(),
        event_id.into(),
        article_id.into(),
        evidence.kind.into(),
        outlet.into(),
        evidence.sentence_index.map(i64::from).into(),
        i64::from(evidence.sentence.start).into(),
        i64::from(evidence.sentence.end).into(),
        i64::from(evidence.trigger.start).into(),
        i64::from(evidence.trigger.end).into(),
        start(evidence.source).into(),
        end(evidence.source).into(),
        start(evidence.target).into(),
        end(evidence.target).into(),
        evidence.attribution_text.clone().into(),
        evidence.attribution_code.clone().into(),
        evidence.rule.as_str().into(),
        evidence.issues.clone().into(),
    ];
    columns.extend(SIGNATURE_COLUMNS);
    values.extend(signature_values(signature));
    backend.execute(
        &format!(
            "INSERT INTO reports ({}) VALUES ({})",
            columns.join(", "),
            placeholders(columns.len())
        ),
        &values,
    )?;
    Ok(())
}

/// The article columns written on insert and on revision, in order.
const CONTENT_COLUMNS: &[&str] = &[
    "url",
    "url_key",
    "title",
    "date",
    "datetime",
    "place",
    "publisher",
    "outlet",
    "author",
    "language",
    "input",
    "meta_json",
    "body",
    "last_ingested",
];

fn article_outlet(article: &ArticleInput) -> String {
    let meta = &article.meta;
    outlet(meta.publisher.as_deref(), meta.url.as_deref(), &meta.id)
}

/// Where a report's words are.
struct Evidence {
    key: String,
    kind: &'static str,
    sentence_index: Option<u32>,
    sentence: Span,
    trigger: Span,
    source: Option<Span>,
    target: Option<Span>,
    attribution_text: Option<String>,
    attribution_code: Option<String>,
    rule: String,
    issues: Option<String>,
}

impl Evidence {
    fn of_record(record: &EventRecord) -> Evidence {
        let attribution = record.attribution.as_ref();
        Evidence {
            key: record.event_id.clone(),
            kind: "coded",
            sentence_index: record.sentence.index,
            sentence: record.sentence.span,
            trigger: record.trigger.span,
            source: record.source.span,
            target: record.target.as_ref().and_then(|t| t.span),
            attribution_text: attribution.map(|a| a.text.clone()),
            attribution_code: attribution.and_then(|a| a.code.clone()),
            rule: record.rule.clone(),
            issues: (!record.issues.is_empty()).then(|| record.issues.join(" ")),
        }
    }

    fn of_reference(
        record: &EventRecord,
        reference: &ReferenceInput,
        sentences: &[Span],
    ) -> Option<Evidence> {
        let sentence = *sentences.get(reference.sentence as usize)?;
        Some(Evidence {
            key: format!("{}@{}", record.event_id, reference.sentence),
            kind: "reference",
            sentence_index: Some(reference.sentence),
            sentence,
            trigger: reference.noun,
            source: reference.source_span,
            target: reference.target_span,
            attribution_text: None,
            attribution_code: None,
            rule: format!("reference:{}", reference.form),
            issues: None,
        })
    }
}

fn with_article(err: StoreError, article: &str) -> StoreError {
    match err {
        StoreError::Article { .. } => err,
        other => StoreError::Article {
            article: article.to_string(),
            message: other.to_string(),
        },
    }
}
