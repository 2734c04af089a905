//! The wasm heap: a size-class allocator in place of std's `dlmalloc` (~7 KB of wasm code).
//!
//! Every block is a power of two (8 bytes up to 2 GiB) and is carved from linear memory at an
//! address aligned to its size (to 64 KiB for larger blocks), so any alignment up to 64 KiB
//! is met. A freed block goes on its class's free list and is reused by the next request of the
//! same class; blocks are never split or merged. That is the trade: allocation and freeing are a
//! few instructions and there is almost no code, and memory is at most about twice what is live
//! per class, which fits the SDK's pattern of short-lived strings and documents per call.
//! wasm32 is single-threaded here (no atomics), so the state needs no lock.

/// Classes 3 (8 bytes) to 31 (2 GiB).
const CLASSES: usize = 32;
const MIN_CLASS: u32 = 3;
const PAGE: usize = 65536;

pub struct Heap {
    /// Head of each class's free list; a free block's first word points to the next one.
    free: [usize; CLASSES],
    /// The unused part of the last region memory grew by.
    top: usize,
    end: usize,
}

/// The class of a request: the smallest power of two that holds `size` and meets `align`.
fn class(size: usize, align: usize) -> Option<u32> {
    let need = size.max(align).max(1 << MIN_CLASS);
    let class = need.checked_next_power_of_two()?.trailing_zeros();
    (class < CLASSES as u32 && align <= PAGE).then_some(class)
}

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            free: [0; CLASSES],
            top: 0,
            end: 0,
        }
    }

    /// A block for `size` bytes at `align`, or null. `grow(pages)` adds that many 64 KiB pages
    /// and returns the address they start at.
    ///
    /// # Safety
    /// The heap must own the memory `grow` returns, and `free` must only receive blocks from
    /// this heap with the size and alignment they were allocated with.
    pub unsafe fn alloc(
        &mut self,
        size: usize,
        align: usize,
        grow: impl FnOnce(usize) -> Option<usize>,
    ) -> *mut u8 {
        let Some(class) = class(size, align) else {
            return core::ptr::null_mut();
        };
        let slot = &mut self.free[class as usize];
        if *slot != 0 {
            let block = *slot;
            *slot = *(block as *const usize);
            return block as *mut u8;
        }
        let size = 1usize << class;
        let step = size.min(PAGE);
        let align_up = |x: usize| x.checked_add(step - 1).map(|x| x & !(step - 1));
        let fits = |start: Option<usize>, end: usize| {
            start.filter(|s| s.checked_add(size).is_some_and(|e| e <= end))
        };
        let start = match fits(align_up(self.top), self.end) {
            Some(start) => start,
            None => {
                // New pages start page-aligned. If they follow the current region, the block may
                // start in its tail; otherwise that tail (smaller than this block) is given up.
                let pages = size.div_ceil(PAGE);
                let Some(at) = grow(pages) else {
                    return core::ptr::null_mut();
                };
                let Some(end) = at.checked_add(pages * PAGE) else {
                    return core::ptr::null_mut();
                };
                if at != self.end {
                    self.top = at;
                }
                self.end = end;
                match fits(align_up(self.top), end) {
                    Some(start) => start,
                    None => return core::ptr::null_mut(),
                }
            }
        };
        self.top = start + size;
        start as *mut u8
    }

    /// # Safety
    /// `ptr` came from [`Heap::alloc`] with this `size` and `align` and is not used again.
    pub unsafe fn free(&mut self, ptr: *mut u8, size: usize, align: usize) {
        if let Some(class) = class(size, align) {
            let slot = &mut self.free[class as usize];
            *(ptr as *mut usize) = *slot;
            *slot = ptr as usize;
        }
    }

    /// Whether a block of `old` bytes can hold `new` bytes in place.
    pub fn same_block(old: usize, new: usize, align: usize) -> bool {
        class(old, align) == class(new, align)
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

#[cfg(target_arch = "wasm32")]
mod global {
    use super::Heap;
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    struct Global(UnsafeCell<Heap>);

    // Single-threaded wasm: no two calls into the allocator can overlap.
    unsafe impl Sync for Global {}

    fn grow(pages: usize) -> Option<usize> {
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then(|| old * super::PAGE)
    }

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            (*self.0.get()).alloc(l.size(), l.align(), grow)
        }
        unsafe fn dealloc(&self, ptr: *mut u8, l: Layout) {
            (*self.0.get()).free(ptr, l.size(), l.align())
        }
        unsafe fn realloc(&self, ptr: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
            if Heap::same_block(l.size(), new_size, l.align()) {
                return ptr;
            }
            let new = self.alloc(Layout::from_size_align_unchecked(new_size, l.align()));
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, l.size().min(new_size));
                self.dealloc(ptr, l);
            }
            new
        }
    }

    #[global_allocator]
    static HEAP: Global = Global(UnsafeCell::new(Heap::new()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 64 KiB-aligned arena standing in for linear memory, grown page by page.
    struct Arena {
        base: *mut u8,
        pages: usize,
        max: usize,
    }

    impl Arena {
        fn new(max: usize) -> Arena {
            let layout = std::alloc::Layout::from_size_align(max * PAGE, PAGE).unwrap();
            let base = unsafe { std::alloc::alloc(layout) };
            assert!(!base.is_null());
            Arena {
                base,
                pages: 0,
                max,
            }
        }
        fn grow(&mut self, n: usize) -> Option<usize> {
            if self.pages + n > self.max {
                return None;
            }
            let at = self.base as usize + self.pages * PAGE;
            self.pages += n;
            Some(at)
        }
        fn contains(&self, p: usize, len: usize) -> bool {
            p >= self.base as usize && p + len <= self.base as usize + self.pages * PAGE
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            let layout = std::alloc::Layout::from_size_align(self.max * PAGE, PAGE).unwrap();
            unsafe { std::alloc::dealloc(self.base, layout) }
        }
    }

    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn classes_round_up_to_powers_of_two() {
        assert_eq!(class(1, 1), Some(3));
        assert_eq!(class(8, 8), Some(3));
        assert_eq!(class(9, 1), Some(4));
        assert_eq!(class(3, 16), Some(4));
        assert_eq!(class(65536, 1), Some(16));
        assert_eq!(class(65537, 1), Some(17));
        assert_eq!(class(1, 131072), None);
        assert_eq!(class(usize::MAX, 1), None);
        assert!(Heap::same_block(9, 16, 1) && !Heap::same_block(16, 17, 1));
    }

    /// Random allocations, frees and in-place growth: every live block stays inside the arena,
    /// aligned, disjoint from every other live block, and keeps its contents.
    #[test]
    fn live_blocks_never_overlap_and_keep_their_bytes() {
        let mut arena = Arena::new(512);
        let mut heap = Heap::new();
        let mut rng = Rng(0x1234_5678_9abc_def1);
        let mut live: Vec<(usize, usize, usize, u8)> = Vec::new(); // ptr, size, align, fill
        for round in 0..20_000 {
            if live.is_empty() || (live.len() < 100 && rng.below(2) == 0) {
                let size = match rng.below(10) {
                    0 => 1 + rng.below(200_000),
                    1..=3 => 1 + rng.below(4096),
                    _ => 1 + rng.below(64),
                };
                let align = 1 << rng.below(5);
                let p = unsafe { heap.alloc(size, align, |n| arena.grow(n)) } as usize;
                // At most 100 live blocks of at most 256 KiB: 32 MiB would not last 20,000
                // rounds without reuse.
                assert_ne!(p, 0, "round {round}: out of memory");
                assert_eq!(p % align, 0);
                assert!(arena.contains(p, size), "round {round}");
                for &(q, qs, _, _) in &live {
                    assert!(p + size <= q || q + qs <= p, "round {round}: overlap");
                }
                let fill = round as u8;
                unsafe { core::ptr::write_bytes(p as *mut u8, fill, size) };
                live.push((p, size, align, fill));
            } else {
                let (p, size, align, fill) = live.swap_remove(rng.below(live.len()));
                let bytes = unsafe { core::slice::from_raw_parts(p as *const u8, size) };
                assert!(
                    bytes.iter().all(|&b| b == fill),
                    "round {round}: contents changed"
                );
                unsafe { heap.free(p as *mut u8, size, align) };
            }
        }
    }

    #[test]
    fn freed_blocks_are_reused_and_exhaustion_is_null() {
        let mut arena = Arena::new(4);
        let mut heap = Heap::new();
        let a = unsafe { heap.alloc(100, 8, |n| arena.grow(n)) };
        unsafe { heap.free(a, 100, 8) };
        let b = unsafe { heap.alloc(128, 8, |n| arena.grow(n)) };
        assert_eq!(a, b);
        assert!(unsafe { heap.alloc(5 * PAGE, 8, |n| arena.grow(n)) }.is_null());
        assert!(unsafe { heap.alloc(16, 1 << 20, |n| arena.grow(n)) }.is_null());
    }
}
