//! Sorting the few short lists the charts and the sensitivity table order.

/// A stable insertion sort for the few short lists the charts and the sensitivity table
/// order. The standard library's sorts are fast on long slices but add about 4 KB of
/// WebAssembly per element type they are used with.
pub(crate) fn insertion_sort_by<T>(items: &mut [T], mut is_less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && is_less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
