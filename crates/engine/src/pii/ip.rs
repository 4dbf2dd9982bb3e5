//! IP addresses: dotted-quad IPv4 (each part 0–255, no leading zeros) and
//! IPv6 in full or compressed form (as `std::net` parses it). A MAC address
//! or a clock time is not an IPv6 address.

use std::net::Ipv6Addr;
use std::ops::Range;

use super::text::digit_runs;

fn ipv4(cell: &str, out: &mut Vec<Range<usize>>) {
    for run in digit_runs(cell, b".") {
        let text = &cell[run.span.clone()];
        let parts_ok = run.groups.len() == 4
            && text.split('.').all(|p| {
                p.len() <= 3 && !(p.len() > 1 && p.starts_with('0')) && p.parse::<u16>().is_ok_and(|v| v <= 255)
            });
        if parts_ok {
            out.push(run.span);
        }
    }
}

fn is_v6_byte(b: u8) -> bool {
    b.is_ascii_hexdigit() || matches!(b, b':' | b'.')
}

fn ipv6(cell: &str, out: &mut Vec<Range<usize>>) {
    let b = cell.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !is_v6_byte(b[i]) || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < b.len() && is_v6_byte(b[end]) {
            end += 1;
        }
        let token = cell[i..end].trim_end_matches('.');
        let colons = token.bytes().filter(|&c| c == b':').count();
        let after_ok = end >= b.len() || !b[end].is_ascii_alphanumeric();
        let shaped =
            colons >= 2 && (token.contains("::") || colons == 7) && token.bytes().any(|c| c.is_ascii_hexdigit());
        if after_ok && shaped && token.parse::<Ipv6Addr>().is_ok() {
            out.push(i..i + token.len());
        }
        i = end.max(i + 1);
    }
}

/// Pushes the span of every IPv4 and IPv6 address in `cell`.
pub(super) fn find(cell: &str, out: &mut Vec<Range<usize>>) {
    ipv4(cell, out);
    if cell.contains(':') {
        ipv6(cell, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::text::matched;

    fn found(cell: &str) -> Vec<&str> {
        matched(cell, |out| find(cell, out))
    }

    #[test]
    fn addresses_in_log_lines_are_found() {
        assert_eq!(found("GET / from 192.168.0.17 at 12:30:45"), ["192.168.0.17"]);
        assert_eq!(found("peer 2001:db8::8a2e:370:7334."), ["2001:db8::8a2e:370:7334"]);
        assert_eq!(found("fe80:0:0:0:202:b3ff:fe1e:8329"), ["fe80:0:0:0:202:b3ff:fe1e:8329"]);
        assert_eq!(found("::1"), ["::1"]);
    }

    #[test]
    fn versions_times_and_macs_are_not_addresses() {
        for cell in ["256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "12:30:45", "00:1A:2B:3C:4D:5E", "v2.14.1", "3.14"]
        {
            assert!(found(cell).is_empty(), "{cell}");
        }
    }
}
