//! Placing a batch's reports in events so that the events depend only on
//! which articles are stored, never on the order they arrived in.
//!
//! The merge rule is greedy: a report joins the best event known when it is
//! placed, and the event then reads every field at its most specific. So the
//! same reports placed in another order can merge differently: "04", "041",
//! "042" of one dyad on one day give two events ({04, 041} and {042}); "04",
//! "042", "041" give {04, 042} and {041}. Several writers at once, the tasks
//! of a Spark job, or one writer given the files in another order would then
//! leave different stores.
//!
//! The store therefore places reports in one **report order**: date, then the
//! stored article's id, then the report's place in its article. A batch that
//! brings (or, by a revision, takes away) a report earlier in that order than
//! reports already stored places again the later reports of the same
//! *group*, as if every report had arrived in order.
//!
//! A report can only join an event of its group (same root code, same source
//! country, and the same article when undated) dated within the merge window,
//! so only the group's events from one window before the first changed
//! report are read. Placing again stops at the first day from which the
//! events still open (dated within a window of it) hold exactly the reports
//! they hold in the store: from there on every report lands where it is.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Days, NaiveDate};
use dateline_resolve::{Anchor, MergeRule, Signature};

use crate::StoreError;
use crate::backend::{Backend, BackendExt, Row, Value, placeholders};
use crate::columns::{SIGNATURE_COLUMNS, select_list, signature_from_row, signature_values};
use crate::merge::{DERIVED_COLUMNS, day, derived_values};

/// A coded report of the batch, ready to place.
#[derive(Clone, Debug)]
pub struct PendingReport {
    pub article_id: i64,
    /// The stored article's id (a revision keeps its first id).
    pub doc_id: String,
    /// Its place among the article's coded reports.
    pub position: usize,
    pub report_key: String,
    /// Undated signatures carry their article's anchor (`merge::article_anchor`).
    pub signature: Signature,
}

/// A stored coded report a revision removed: its group must be placed
/// again from where it was.
#[derive(Clone, Debug)]
pub struct RemovedReport {
    pub group: Group,
    pub date: NaiveDate,
    pub doc_id: String,
}

/// Where the batch's reports landed.
#[derive(Debug, Default)]
pub struct Placement {
    /// The event of each pending report, in the order given.
    pub events: Vec<i64>,
    /// Events whose reports changed, to recount.
    pub touched: BTreeSet<i64>,
    /// Events created less events left empty.
    pub new_events: usize,
}

/// The reports that can merge with each other: same root code and source
/// country, and for undated reports the same article.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Group {
    /// `None` for dated reports, else the article anchor.
    undated_article: Option<String>,
    root: String,
    head: String,
}

impl Group {
    pub fn of(signature: &Signature) -> Group {
        Group {
            undated_article: match &signature.anchor {
                Anchor::Date(_) => None,
                Anchor::Article(article) => Some(article.clone()),
            },
            root: signature.code.root().to_string(),
            head: signature.source.code.head().to_string(),
        }
    }

    /// The group of a stored event's root code and source head (dated).
    pub fn dated(root: String, head: String) -> Group {
        Group {
            undated_article: None,
            root,
            head,
        }
    }
}

/// Places every pending report, and places again whatever of the stored
/// reports the report order says must move.
pub fn place_batch(
    backend: &mut dyn Backend,
    rule: &MergeRule,
    pending: &[PendingReport],
    removed: &[RemovedReport],
) -> Result<Placement, StoreError> {
    let mut groups: BTreeMap<Group, GroupChanges> = BTreeMap::new();
    for (idx, report) in pending.iter().enumerate() {
        let changes = groups.entry(Group::of(&report.signature)).or_default();
        changes.pending.push(idx);
        changes.note(
            report.signature.date(),
            &report.doc_id,
            report.position as i64,
        );
    }
    for report in removed {
        let changes = groups.entry(report.group.clone()).or_default();
        // Before every report of its article: the revision's own come after.
        changes.note(Some(report.date), &report.doc_id, i64::MIN);
    }
    let mut placement = Placement {
        events: vec![0; pending.len()],
        ..Placement::default()
    };
    let mut plans = Vec::with_capacity(groups.len());
    for (group, changes) in &groups {
        let mut resolution = GroupResolution::new(backend, rule, group, changes, pending)?;
        resolution.run()?;
        plans.push(resolution.into_plan());
    }
    // Events losing every report give up their keys before any event is
    // created, in whatever group: a revision may move an event's first
    // report to another group.
    for plan in &mut plans {
        plan.choose_rows();
        plan.vacate_keys(backend)?;
    }
    for plan in &plans {
        plan.write(backend, &mut placement)?;
    }
    Ok(placement)
}

/// The batch's changes to one group.
#[derive(Debug, Default)]
struct GroupChanges {
    pending: Vec<usize>,
    /// The earliest changed place in the report order.
    first: Option<ReportOrder>,
    /// The latest changed date.
    last_date: Option<NaiveDate>,
}

impl GroupChanges {
    fn note(&mut self, date: Option<NaiveDate>, doc_id: &str, seq: i64) {
        let order = ReportOrder {
            date,
            doc_id: doc_id.to_string(),
            seq,
        };
        if self.first.as_ref().is_none_or(|first| order < *first) {
            self.first = Some(order);
        }
        self.last_date = self.last_date.max(date);
    }
}

/// A report's place in the report order. `seq` orders the reports of one
/// article: the row id of a stored one, the position of a pending one (an
/// article is never both: a revision removes its stored reports first).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct ReportOrder {
    date: Option<NaiveDate>,
    doc_id: String,
    seq: i64,
}

/// One report being placed.
#[derive(Debug)]
struct Item {
    order: ReportOrder,
    article_id: i64,
    report_key: String,
    signature: Signature,
    origin: ItemOrigin,
}

#[derive(Debug)]
enum ItemOrigin {
    Stored { report_id: i64, event_id: i64 },
    Pending(usize),
}

/// An event as the report order builds it.
#[derive(Debug)]
struct WorkEvent {
    /// Item indexes, in report order; the first names the event.
    members: Vec<usize>,
    signature: Signature,
}

/// Placing one group's reports from its first change on.
struct GroupResolution<'a> {
    backend: &'a mut dyn Backend,
    rule: &'a MergeRule,
    group: &'a Group,
    /// Every item read or pending, sorted by report order from `next` on.
    items: Vec<Item>,
    /// The first item to place; items before it keep their events.
    start: usize,
    /// The next item to place.
    next: usize,
    /// Stored items from `stop` on keep their events.
    stop: Option<usize>,
    events: Vec<WorkEvent>,
    /// The work event of each placed (or kept, before `start`) item.
    assigned: Vec<Option<usize>>,
    /// Stored events read: their date and key.
    stored_dates: HashMap<i64, Option<NaiveDate>>,
    stored_keys: HashMap<i64, String>,
    /// Dated groups: stored events dated up to this day have been read.
    read_until: Option<NaiveDate>,
    /// Stability is only checked from this day on (a window after the last change).
    settle_from: Option<NaiveDate>,
}

impl<'a> GroupResolution<'a> {
    fn new(
        backend: &'a mut dyn Backend,
        rule: &'a MergeRule,
        group: &'a Group,
        changes: &GroupChanges,
        pending: &'a [PendingReport],
    ) -> Result<GroupResolution<'a>, StoreError> {
        let first = changes
            .first
            .clone()
            .expect("a group has at least one change");
        let mut resolution = GroupResolution {
            backend,
            rule,
            group,
            items: Vec::new(),
            start: 0,
            next: 0,
            stop: None,
            events: Vec::new(),
            assigned: Vec::new(),
            stored_dates: HashMap::new(),
            stored_keys: HashMap::new(),
            read_until: None,
            settle_from: changes
                .last_date
                .and_then(|date| date.checked_add_days(window(rule)))
                .and_then(|date| date.succ_opt()),
        };
        for &idx in &changes.pending {
            let report = &pending[idx];
            resolution.items.push(Item {
                order: ReportOrder {
                    date: report.signature.date(),
                    doc_id: report.doc_id.clone(),
                    seq: report.position as i64,
                },
                article_id: report.article_id,
                report_key: report.report_key.clone(),
                signature: report.signature.clone(),
                origin: ItemOrigin::Pending(idx),
            });
        }
        // Undated groups are one article's: a new article has no stored
        // events, and a revision's were emptied before placing.
        if let Some(first_date) = first.date
            && group.undated_article.is_none()
        {
            let from = first_date
                .checked_sub_days(window(rule))
                .unwrap_or(first_date);
            let until = resolution.settle_from.unwrap_or(first_date);
            resolution.read_stored(from, until)?;
        }
        resolution.items.sort_by(|a, b| a.order.cmp(&b.order));
        resolution.start = resolution.items.partition_point(|item| item.order < first);
        resolution.next = resolution.start;
        resolution.assigned = vec![None; resolution.items.len()];
        resolution.keep_before_start();
        Ok(resolution)
    }

    /// Reads the stored coded reports of the group's events dated `from..=until`.
    fn read_stored(&mut self, from: NaiveDate, until: NaiveDate) -> Result<(), StoreError> {
        let rows = self.backend.query(
            &format!(
                "SELECT r.id, r.event_id, r.article_id, r.report_key, a.doc_id, e.date, e.event_key, {}
                 FROM events e
                 JOIN reports r ON r.event_id = e.id
                 JOIN articles a ON a.id = r.article_id
                 WHERE e.root_code = ? AND e.source_head = ? AND e.date >= ? AND e.date <= ?
                   AND r.kind = 'coded'",
                select_list("r")
            ),
            &[
                self.group.root.as_str().into(),
                self.group.head.as_str().into(),
                day(from).into(),
                day(until).into(),
            ],
        )?;
        for row in &rows {
            self.push_stored(row)?;
        }
        self.read_until = Some(until);
        Ok(())
    }

    fn push_stored(&mut self, row: &Row) -> Result<(), StoreError> {
        let event_id = row.int(1)?;
        let event_date = row
            .opt_text(5)?
            .map(|date| crate::columns::parse_date(&date))
            .transpose()?;
        self.stored_dates.insert(event_id, event_date);
        self.stored_keys.insert(event_id, row.text(6)?);
        let signature = signature_from_row(row, 7, || {
            Err(StoreError::Corrupt(
                "undated report in a dated event".into(),
            ))
        })?;
        self.items.push(Item {
            order: ReportOrder {
                date: signature.date(),
                doc_id: row.text(4)?,
                seq: row.int(0)?,
            },
            article_id: row.int(2)?,
            report_key: row.text(3)?,
            signature,
            origin: ItemOrigin::Stored {
                report_id: row.int(0)?,
                event_id,
            },
        });
        Ok(())
    }

    /// Items before the first change stay in their stored events, which
    /// the placing starts from.
    fn keep_before_start(&mut self) {
        let mut by_event: BTreeMap<i64, usize> = BTreeMap::new();
        for idx in 0..self.start {
            let ItemOrigin::Stored { event_id, .. } = self.items[idx].origin else {
                continue;
            };
            let work = *by_event.entry(event_id).or_insert_with(|| {
                self.events.push(WorkEvent {
                    members: Vec::new(),
                    signature: self.items[idx].signature.clone(),
                });
                self.events.len() - 1
            });
            self.join(work, idx);
        }
    }

    /// Places items in report order until the group settles or ends.
    fn run(&mut self) -> Result<(), StoreError> {
        let mut open: Vec<usize> = (0..self.events.len()).collect();
        if self.group.undated_article.is_some() {
            while self.next < self.items.len() {
                self.place_next(&mut open);
            }
            return Ok(());
        }
        let mut day = None;
        loop {
            let read_until = self.read_until.unwrap_or(NaiveDate::MAX);
            let next_date = self.items.get(self.next).and_then(|item| item.order.date);
            match next_date {
                None if read_until == NaiveDate::MAX => return Ok(()),
                Some(date) if date <= read_until => {
                    if day != Some(date) {
                        day = Some(date);
                        open.retain(|&work| self.is_open(work, date));
                        if self.settled(&open, date) {
                            self.stop = Some(self.next);
                            return Ok(());
                        }
                    }
                    self.place_next(&mut open);
                }
                _ => {
                    // Nothing more was read: stop if what was read has
                    // settled, else read on.
                    let after = read_until.succ_opt().unwrap_or(read_until);
                    open.retain(|&work| self.is_open(work, after));
                    if self.settled(&open, after) {
                        self.stop = Some(self.next);
                        return Ok(());
                    }
                    self.read_more()?;
                }
            }
        }
    }

    fn place_next(&mut self, open: &mut Vec<usize>) {
        let work = match self.choose(open, self.next) {
            Some(work) => work,
            None => {
                self.events.push(WorkEvent {
                    members: Vec::new(),
                    signature: self.items[self.next].signature.clone(),
                });
                open.push(self.events.len() - 1);
                self.events.len() - 1
            }
        };
        self.join(work, self.next);
        self.next += 1;
    }

    /// Reads the next span of the group's stored events, or marks the
    /// store as read to its end.
    fn read_more(&mut self) -> Result<(), StoreError> {
        let read_until = self.read_until.unwrap_or(NaiveDate::MAX);
        let latest = self
            .backend
            .query_row(
                "SELECT MAX(date) FROM events WHERE root_code = ? AND source_head = ?",
                &[
                    self.group.root.as_str().into(),
                    self.group.head.as_str().into(),
                ],
            )?
            .map(|row| row.opt_text(0))
            .transpose()?
            .flatten()
            .map(|date| crate::columns::parse_date(&date))
            .transpose()?;
        let (Some(latest), Some(from)) = (latest, read_until.succ_opt()) else {
            self.read_until = Some(NaiveDate::MAX);
            return Ok(());
        };
        if latest < from {
            self.read_until = Some(NaiveDate::MAX);
            return Ok(());
        }
        let span = Days::new(u64::from(self.rule.window_days) * 4 + 7);
        let until = from.checked_add_days(span).unwrap_or(NaiveDate::MAX);
        self.read_stored(from, until)?;
        self.items[self.next..].sort_by(|a, b| a.order.cmp(&b.order));
        self.assigned.resize(self.items.len(), None);
        Ok(())
    }

    fn is_open(&self, work: usize, date: NaiveDate) -> bool {
        match self.events[work].signature.date() {
            Some(event_date) => event_date.checked_add_days(window(self.rule)) >= Some(date),
            None => true,
        }
    }

    /// The event the item joins, by the merge rule: of the open events, the
    /// best match, ties to the one first in report order.
    fn choose(&self, open: &[usize], item_idx: usize) -> Option<usize> {
        let item = &self.items[item_idx];
        // One article, one reading: the article's events naming other actors.
        let excluded: BTreeSet<usize> = open
            .iter()
            .copied()
            .filter(|&work| {
                self.events[work].members.iter().any(|&member| {
                    let other = &self.items[member];
                    other.article_id == item.article_id
                        && !other.signature.same_actors(&item.signature)
                })
            })
            .collect();
        let mut candidates: Vec<usize> = open
            .iter()
            .copied()
            .filter(|work| !excluded.contains(work))
            .collect();
        candidates.sort_by(|&a, &b| self.first_order(a).cmp(self.first_order(b)));
        self.rule.best(
            candidates
                .iter()
                .map(|&work| (work, &self.events[work].signature)),
            &item.signature,
        )
    }

    fn first_order(&self, work: usize) -> &ReportOrder {
        &self.items[self.events[work].members[0]].order
    }

    fn join(&mut self, work: usize, item_idx: usize) {
        let event = &mut self.events[work];
        if !event.members.is_empty() {
            event.signature.absorb(&self.items[item_idx].signature);
        }
        event.members.push(item_idx);
        self.assigned[item_idx] = Some(work);
    }

    /// True when, before `date`, the events open on `date` hold exactly the
    /// reports their stored events hold: then every later report is placed
    /// as it already is.
    fn settled(&self, open: &[usize], date: NaiveDate) -> bool {
        if self.settle_from.is_none_or(|from| date < from) {
            return false;
        }
        let mut placed: BTreeSet<Vec<i64>> = BTreeSet::new();
        for &work in open {
            let mut reports = Vec::new();
            for &member in &self.events[work].members {
                match self.items[member].origin {
                    ItemOrigin::Stored { report_id, .. } => reports.push(report_id),
                    ItemOrigin::Pending(_) => return false,
                }
            }
            reports.sort_unstable();
            placed.insert(reports);
        }
        let mut stored: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for item in &self.items[..self.next] {
            let ItemOrigin::Stored {
                report_id,
                event_id,
            } = item.origin
            else {
                continue;
            };
            let event_date = self.stored_dates.get(&event_id).copied().flatten();
            let open = event_date
                .and_then(|d| d.checked_add_days(window(self.rule)))
                .is_some_and(|last| last >= date);
            if open {
                stored.entry(event_id).or_default().push(report_id);
            }
        }
        let stored: BTreeSet<Vec<i64>> = stored
            .into_values()
            .map(|mut reports| {
                reports.sort_unstable();
                reports
            })
            .collect();
        placed == stored
    }

    /// What the placing decided, without the connection.
    fn into_plan(self) -> GroupPlan {
        GroupPlan {
            end: self.stop.unwrap_or(self.next),
            start: self.start,
            items: self.items,
            events: self.events,
            assigned: self.assigned,
            stored_keys: self.stored_keys,
            rows: Vec::new(),
        }
    }
}

/// One group's outcome, to write.
#[derive(Debug)]
struct GroupPlan {
    items: Vec<Item>,
    events: Vec<WorkEvent>,
    assigned: Vec<Option<usize>>,
    /// Items `start..end` were placed; the others stay where they are.
    start: usize,
    end: usize,
    stored_keys: HashMap<i64, String>,
    /// Per work event: the stored event it continues, or `None` for a new one.
    rows: Vec<Option<i64>>,
}

impl GroupPlan {
    /// A work event continues the stored event named by its first report
    /// (each stored event at most once); the others get new rows.
    fn choose_rows(&mut self) {
        let by_key: HashMap<&str, i64> = self
            .stored_keys
            .iter()
            .map(|(&event_id, key)| (key.as_str(), event_id))
            .collect();
        let mut claimed = BTreeSet::new();
        self.rows = self
            .events
            .iter()
            .map(|event| {
                let first = &self.items[event.members[0]];
                by_key
                    .get(first.report_key.as_str())
                    .copied()
                    .filter(|&event_id| claimed.insert(event_id))
            })
            .collect();
    }

    /// Stored events that keep no report: renamed now so their keys are
    /// free, deleted when the batch recounts them.
    fn vacated(&self) -> Vec<i64> {
        let mut keeps: BTreeSet<i64> = self.rows.iter().flatten().copied().collect();
        for (idx, item) in self.items.iter().enumerate() {
            if let ItemOrigin::Stored { event_id, .. } = item.origin
                && !(self.start..self.end).contains(&idx)
            {
                keeps.insert(event_id);
            }
        }
        let mut vacated: Vec<i64> = self
            .stored_keys
            .keys()
            .copied()
            .filter(|event_id| !keeps.contains(event_id))
            .collect();
        vacated.sort_unstable();
        vacated
    }

    fn vacate_keys(&self, backend: &mut dyn Backend) -> Result<(), StoreError> {
        for event_id in self.vacated() {
            backend.execute(
                "UPDATE events SET event_key = ? WHERE id = ?",
                &[format!("~vacated-{event_id}").into(), event_id.into()],
            )?;
        }
        Ok(())
    }

    /// Creates the new events, moves stored reports, and records the event
    /// of every pending report.
    fn write(
        &self,
        backend: &mut dyn Backend,
        placement: &mut Placement,
    ) -> Result<(), StoreError> {
        let vacated = self.vacated();
        placement.touched.extend(&vacated);
        let mut rows = Vec::with_capacity(self.events.len());
        let mut created = 0;
        for (event, reused) in self.events.iter().zip(&self.rows) {
            let row = match *reused {
                Some(event_id) => event_id,
                None => {
                    created += 1;
                    let key = &self.items[event.members[0]].report_key;
                    create_event(backend, &event.signature, key)?
                }
            };
            rows.push(row);
        }
        placement.new_events += created - created.min(vacated.len());
        for idx in self.start..self.end {
            let Some(work) = self.assigned[idx] else {
                continue;
            };
            let row = rows[work];
            placement.touched.insert(row);
            match &self.items[idx].origin {
                ItemOrigin::Pending(pending_idx) => placement.events[*pending_idx] = row,
                ItemOrigin::Stored {
                    report_id,
                    event_id,
                } if *event_id != row => {
                    placement.touched.insert(*event_id);
                    let item = &self.items[idx];
                    move_report(backend, *report_id, item.article_id, &item.report_key, row)?;
                }
                ItemOrigin::Stored { .. } => {}
            }
        }
        Ok(())
    }
}

fn window(rule: &MergeRule) -> Days {
    Days::new(u64::from(rule.window_days))
}

/// Moves a stored coded report, and the references back to it, to another event.
fn move_report(
    backend: &mut dyn Backend,
    report_id: i64,
    article_id: i64,
    report_key: &str,
    event_id: i64,
) -> Result<(), StoreError> {
    backend.execute(
        "UPDATE reports SET event_id = ? WHERE id = ?",
        &[event_id.into(), report_id.into()],
    )?;
    let prefix = format!("{report_key}@");
    backend.execute(
        "UPDATE reports SET event_id = ?
         WHERE article_id = ? AND kind = 'reference' AND substr(report_key, 1, ?) = ?",
        &[
            event_id.into(),
            article_id.into(),
            (prefix.chars().count() as i64).into(),
            prefix.into(),
        ],
    )?;
    Ok(())
}

/// Inserts an event row named by its first report (its fields and counts
/// are filled in when the batch recounts it).
fn create_event(
    backend: &mut dyn Backend,
    signature: &Signature,
    report_key: &str,
) -> Result<i64, StoreError> {
    let key = unique_event_key(backend, report_key)?;
    let anchor_article = match &signature.anchor {
        Anchor::Article(article) => Some(article.clone()),
        Anchor::Date(_) => None,
    };
    let mut columns = vec!["event_key", "anchor_article"];
    columns.extend(SIGNATURE_COLUMNS);
    columns.extend(DERIVED_COLUMNS);
    columns.extend(["num_mentions", "num_sources", "num_articles"]);
    let mut values: Vec<Value> = vec![key.into(), anchor_article.into()];
    values.extend(signature_values(signature));
    values.extend(derived_values(signature));
    values.extend([0i64.into(), 0i64.into(), 0i64.into()]);
    let sql = format!(
        "INSERT INTO events ({}) VALUES ({}) RETURNING id",
        columns.join(", "),
        placeholders(columns.len())
    );
    backend
        .query_int(&sql, &values)?
        .ok_or_else(|| StoreError::Corrupt("event insert returned no id".into()))
}

/// The first report's key, or that key with `-2`, `-3`... when another
/// event already has it (an event of a store written before the report
/// order, whose first report was another).
fn unique_event_key(backend: &mut dyn Backend, base: &str) -> Result<String, StoreError> {
    let mut key = base.to_string();
    for n in 2.. {
        let taken = backend.query_int(
            "SELECT id FROM events WHERE event_key = ?",
            &[key.as_str().into()],
        )?;
        if taken.is_none() {
            break;
        }
        key = format!("{base}-{n}");
    }
    Ok(key)
}
