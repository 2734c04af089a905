//! Issue 17's cross-cutting checks: every catalog endpoint is emulated, and docs/EMULATOR.md has
//! exactly one row per emulated route (so the table cannot drift from the route tables).
//!
//! Until the three emulator branches (emu-social, emu-groups, emu-push) are all merged, the first
//! test fails and names the endpoints still answering 60009.

use super::support::*;
use std::collections::BTreeMap;

const EMULATOR_MD: &str = include_str!("../../../docs/EMULATOR.md");

#[test]
fn no_catalog_endpoint_answers_60009() {
    let mut r = Rig::new();
    // An empty body is enough: a routed endpoint answers its own domain's code for it (or 0),
    // never 60009, which only a missing route gives.
    let missing: Vec<String> = crate::api::ENDPOINTS
        .iter()
        .filter(|e| code(&r.call(e.service, e.command, "{}")) == 60009)
        .map(|e| format!("{}/{}", e.service, e.command))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} catalog endpoints are not emulated yet (60009): {}",
        missing.len(),
        crate::api::ENDPOINTS.len(),
        missing.join(", ")
    );
}

#[test]
fn every_route_is_a_catalog_endpoint() {
    let stray: Vec<String> = crate::emulator::routes::all()
        .filter(|r| crate::api::find(r.service, r.command).is_none())
        .map(|r| format!("{}/{}", r.service, r.command))
        .collect();
    assert!(
        stray.is_empty(),
        "routes for no catalog endpoint: {stray:?}"
    );
}

/// The first cell of each row of the table: "`svc/cmd`", or several joined by " / ", where a
/// name without a service ("`get_role_in_group`") takes the one before it.
fn documented_routes(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in md.lines() {
        let Some(cell) = line.strip_prefix("| `").and_then(|l| l.split(" |").next()) else {
            continue;
        };
        let mut service = "";
        for name in cell.split(" / ") {
            let name = name.trim().trim_matches('`');
            match name.split_once('/') {
                Some((svc, cmd)) => {
                    service = svc;
                    out.push(format!("{svc}/{cmd}"));
                }
                None => out.push(format!("{service}/{name}")),
            }
        }
    }
    out
}

#[test]
fn emulator_md_has_one_row_per_route() {
    let mut rows: BTreeMap<String, usize> = BTreeMap::new();
    for r in documented_routes(EMULATOR_MD) {
        *rows.entry(r).or_default() += 1;
    }
    let routes: Vec<String> = crate::emulator::routes::all()
        .map(|r| format!("{}/{}", r.service, r.command))
        .collect();
    let undocumented: Vec<&String> = routes.iter().filter(|r| !rows.contains_key(*r)).collect();
    let twice: Vec<&String> = rows
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(r, _)| r)
        .collect();
    let stale: Vec<&String> = rows.keys().filter(|r| !routes.contains(r)).collect();
    assert!(
        undocumented.is_empty() && twice.is_empty() && stale.is_empty(),
        "docs/EMULATOR.md vs the route tables: no row for {undocumented:?}; more than one row for \
         {twice:?}; a row for a route that does not exist: {stale:?}"
    );
}

#[test]
fn the_row_parser_reads_joined_and_single_rows() {
    let md = "| endpoint | a | b |\n|---|---|---|\n\
              | `svc/one` | x | y |\n\
              | `svc/two` / `three` | x | y |\n\
              | `other/four` / `more/five` | x | y |\n\
              not a row\n";
    assert_eq!(
        documented_routes(md),
        ["svc/one", "svc/two", "svc/three", "other/four", "more/five"]
    );
}
