//! Turning counts into the percentages residents read.

/// Whole-number percentages of `counts` that add up to exactly 100 (when any
/// count is non-zero), by the largest-remainder method: each share is rounded
/// down, then the points left over go to the largest remainders, ties to the
/// earlier option.
pub fn percentages(counts: &[u64]) -> Vec<u8> {
    let total: u128 = counts.iter().map(|&c| u128::from(c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let mut shares: Vec<(u128, u128)> = counts
        .iter()
        .map(|&c| {
            let scaled = u128::from(c) * 100;
            (scaled / total, scaled % total)
        })
        .collect();
    let given: u128 = shares.iter().map(|(floor, _)| floor).sum();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| shares[b].1.cmp(&shares[a].1).then(a.cmp(&b)));
    for &index in order.iter().take((100 - given) as usize) {
        shares[index].0 += 1;
    }
    shares
        .into_iter()
        .map(|(floor, _)| u8::try_from(floor).unwrap_or(100))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(counts: &[u64], expected: &[u8]) {
        assert_eq!(percentages(counts), expected, "counts {counts:?}");
    }

    #[test]
    fn table() {
        check(&[], &[]);
        check(&[0, 0, 0], &[0, 0, 0]);
        check(&[1, 0], &[100, 0]);
        check(&[1, 1], &[50, 50]);
        check(&[1, 1, 1], &[34, 33, 33]);
        check(&[2, 1], &[67, 33]);
        check(&[1, 1, 1, 1, 1, 1, 1], &[15, 15, 14, 14, 14, 14, 14]);
        check(&[u64::MAX, u64::MAX], &[50, 50]);
    }

    #[test]
    fn always_sums_to_100() {
        for a in 0..20u64 {
            for b in 0..20u64 {
                for c in 1..20u64 {
                    let sum: u32 = percentages(&[a, b, c]).iter().map(|&p| u32::from(p)).sum();
                    assert_eq!(sum, 100, "counts {a} {b} {c}");
                }
            }
        }
    }
}
