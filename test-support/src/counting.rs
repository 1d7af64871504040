//! Counting heap allocations per thread, for the allocation tests and the benchmarks: install
//! [`CountingAlloc`] as the global allocator, then compare [`Counts::now`] before and after
//! the code being measured.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    static COUNTS: Cell<Counts> = const { Cell::new(Counts { allocations: 0, bytes: 0 }) };
}

/// Heap allocations (including reallocations) and bytes requested, on this thread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Calls to `alloc`, `alloc_zeroed` and `realloc`.
    pub allocations: u64,
    /// Bytes those calls asked for.
    pub bytes: u64,
}

impl Counts {
    /// The counts so far on this thread.
    pub fn now() -> Counts {
        COUNTS.with(Cell::get)
    }

    /// What happened on this thread since `self` was taken.
    pub fn since(self) -> Counts {
        let now = Counts::now();
        Counts { allocations: now.allocations - self.allocations, bytes: now.bytes - self.bytes }
    }
}

/// A global allocator that counts this thread's allocations; install it with
/// `#[global_allocator] static A: CountingAlloc = CountingAlloc;`.
///
/// The counters are thread-local, so parallel tests and other threads do not disturb them.
pub struct CountingAlloc;

fn count(bytes: usize) {
    // `try_with`: the allocator can run while this thread's locals are being torn down.
    let _ = COUNTS.try_with(|c| {
        let Counts { allocations, bytes: b } = c.get();
        c.set(Counts { allocations: allocations + 1, bytes: b + bytes as u64 });
    });
}

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}
