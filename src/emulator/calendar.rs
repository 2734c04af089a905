//! Unix seconds as Beijing-time (UTC+8) calendar text, for answers whose documented format is a
//! date or a time (getappinfo `Date` "20160607", get_history `MsgTime` "2015120121" and
//! `ExpireTime` "2015-12-02 16:45:23", keyword `CreateTime`). Tencent's operation data is kept in
//! Beijing time. The day <-> (year, month, day) conversion is the usual one for the proleptic
//! Gregorian calendar, counted from 1970-01-01 (no crate among the design card's does it).

const OFFSET_S: u64 = 8 * 3600;
const DAY_S: u64 = 86_400;

/// `(year, month 1-12, day 1-31)` of day `days` after 1970-01-01.
fn civil(days: u64) -> (u64, u64, u64) {
    // Shifted so that years start on March 1st (the leap day ends them); eras are 400 years.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Days from 1970-01-01 to `(year, month, day)`; `None` before 1970 or for a date that does not
/// exist (2023-02-29).
fn days_of(year: u64, month: u64, day: u64) -> Option<u64> {
    if !(1..=12).contains(&month) || day == 0 || year < 1970 {
        return None;
    }
    let y = year - u64::from(month <= 2);
    let era = y / 400;
    let yoe = y % 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = (era * 146_097 + doe).checked_sub(719_468)?;
    // Round-trip to refuse days past the month's end.
    (civil(days) == (year, month, day)).then_some(days)
}

/// `"YYYYMMDD"` of the Beijing day `unix_s` falls in.
pub fn date(unix_s: u64) -> String {
    let (y, m, d) = civil((unix_s + OFFSET_S) / DAY_S);
    format!("{y:04}{m:02}{d:02}")
}

/// `"YYYY-MM-DD HH:MM:SS"` in Beijing time.
pub fn datetime(unix_s: u64) -> String {
    let local = unix_s + OFFSET_S;
    let (y, m, d) = civil(local / DAY_S);
    let s = local % DAY_S;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The Unix time a `"YYYYMMDDHH"` Beijing hour starts at; `None` unless it is such an hour.
pub fn parse_hour(s: &str) -> Option<u64> {
    if s.len() != 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: core::ops::Range<usize>| s[r].parse::<u64>().ok();
    let (y, m, d, h) = (n(0..4)?, n(4..6)?, n(6..8)?, n(8..10)?);
    if h > 23 {
        return None;
    }
    (days_of(y, m, d)? * DAY_S + h * 3600).checked_sub(OFFSET_S)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from Python's datetime (an independent implementation):
    // datetime.fromtimestamp(t, timezone(timedelta(hours=8))).
    #[test]
    fn beijing_dates_and_times() {
        let cases: &[(u64, &str, &str)] = &[
            (0, "19700101", "1970-01-01 08:00:00"),
            (951_782_400, "20000229", "2000-02-29 08:00:00"),
            (1_767_225_599, "20260101", "2026-01-01 07:59:59"),
            (1_709_222_399, "20240229", "2024-02-29 23:59:59"),
            (4_102_444_800, "21000101", "2100-01-01 08:00:00"),
        ];
        for &(t, d, dt) in cases {
            assert_eq!(date(t), d, "{t}");
            assert_eq!(datetime(t), dt, "{t}");
        }
    }

    #[test]
    fn hours_parse_back() {
        // 2015-12-01 21:00 Beijing (the doc's example MsgTime) is 13:00 UTC.
        assert_eq!(parse_hour("2015120121"), Some(1_448_974_800));
        assert_eq!(parse_hour("1970010108"), Some(0));
        assert_eq!(parse_hour("2024022923"), Some(1_709_218_800));
        for bad in [
            "2023022912",
            "2015123124x",
            "201512012",
            "2015120124",
            "2015130101",
            "1970010107",
            "２０１５１２０１２１",
        ] {
            assert_eq!(parse_hour(bad), None, "{bad}");
        }
    }
}
