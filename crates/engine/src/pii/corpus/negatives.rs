//! Cells that hold no personal data but look like some: the hard
//! negatives every detector must leave alone.

use super::Draw;

const SENTENCES: [&str; 8] = [
    "Customer asked about delivery times.",
    "Renewal due in 3 months",
    "Ticket 4412 escalated to tier 2",
    "Refund of 1,250.00 approved on 2024-03-05",
    "Meeting moved to 14:30, room 101-B",
    "Upgraded firmware to 10.4.2 on all units",
    "See invoice INV-2024-00831 for details",
    "Order shipped; ETA 5-7 business days",
];
const PRODUCTS: [&str; 8] = [
    "Blue Widget",
    "Deluxe Coffee Maker",
    "Premium Plan",
    "Sunrise Tours",
    "Oak Table",
    "Model X Charger",
    "Gift Card",
    "Standard Shipping",
];
const CITIES: [&str; 8] =
    ["San Francisco", "London", "São Paulo", "New York", "Le Havre", "Den Haag", "Kraków", "Tokyo"];

fn hex(draw: &mut Draw, n: usize) -> String {
    (0..n).map(|_| char::from(b"0123456789abcdef"[draw.below(16)])).collect()
}

/// One cell with no personal data, and its header.
pub(super) fn cell(draw: &mut Draw) -> (&'static str, String) {
    match draw.below(23) {
        0 => {
            let n = 10 + draw.below(3);
            ("order_id", draw.digits(n))
        }
        1 => ("order_ref", format!("ORD-{}", draw.digits(8))),
        2 => ("amount", format!("{},{:03}.{:02}", draw.below(99) + 1, draw.below(1000), draw.below(100))),
        3 => {
            let (y, m, d) = (1990 + draw.below(35), draw.below(12) + 1, draw.below(28) + 1);
            (draw.pick(&["created_at", "event_date", "shipped", "Date"]), format!("{y}-{m:02}-{d:02}"))
        }
        4 => ("invoice_date", format!("{:02}/{:02}/20{:02}", draw.below(28) + 1, draw.below(12) + 1, draw.below(25))),
        5 => ("version", format!("{}.{}.{}", draw.below(20), draw.below(30), draw.below(200))),
        6 => ("sku", format!("AB-{}-XY", draw.digits(4))),
        7 => ("time", format!("{:02}:{:02}:{:02}", draw.below(24), draw.below(60), draw.below(60))),
        8 => ("zip", draw.digits(5)),
        9 => (draw.pick(&["notes", "comment"]), draw.pick(&SENTENCES).to_owned()),
        10 => (
            "request_id",
            format!("{}-{}-{}-{}-{}", hex(draw, 8), hex(draw, 4), hex(draw, 4), hex(draw, 4), hex(draw, 12)),
        ),
        11 => (draw.pick(&["product_name", "plan", "item"]), draw.pick(&PRODUCTS).to_owned()),
        12 => (draw.pick(&["city", "store"]), draw.pick(&CITIES).to_owned()),
        13 => ("mac", (0..6).map(|_| hex(draw, 2).to_uppercase()).collect::<Vec<_>>().join(":")),
        // Long ids with no card issuer's prefix.
        14 => {
            let n = 15 + draw.below(6);
            ("tracking_number", format!("9{}", draw.digits(n)))
        }
        15 => ("isbn", format!("978-{}-{}-{}-{}", draw.below(10), draw.digits(2), draw.digits(6), draw.below(10))),
        16 => ("sha1", hex(draw, 40)),
        17 => ("ratio", format!("0.{}", draw.digits(4))),
        // The hard cases, where the rules can fail: a 16-digit id with a
        // card issuer's prefix passes Luhn one time in ten; a four-part
        // version is an IPv4 address in shape; a product list whose header
        // is `name`; a date after "birthday" that is not one.
        18 => ("transaction_id", format!("{}{}", draw.pick(&["4", "5"]), draw.digits(15))),
        19 => ("build", format!("{}.{}.{}.{}", draw.below(12), draw.below(10), draw.below(100), draw.below(3000))),
        20 => ("name", draw.pick(&PRODUCTS).to_owned()),
        21 => ("campaign", format!("Birthday promo sent 2024-{:02}-{:02}", draw.below(12) + 1, draw.below(28) + 1)),
        _ => ("contact_time", format!("{:02}:{:02}", draw.below(24), draw.below(60))),
    }
}
