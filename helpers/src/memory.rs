//! How much memory this process holds.
//!
//! *Resident* memory (RSS) is the RAM the process's pages occupy right now.
//! It is the honest measure for "what does a thread or a task cost": a
//! thread *reserves* a large stack (8 MiB of address space by default for
//! the main thread, 2 MiB for Rust's spawned threads), but only the pages it
//! touches become resident. Virtual size would overstate the cost by orders
//! of magnitude.
//!
//! ```
//! use helpers::prelude::*;
//!
//! let before = resident_memory()?;
//! let big = vec![1u8; 32 << 20]; // touch 32 MiB
//! let after = resident_memory()?;
//! assert!(after >= before + (16 << 20), "{} -> {}", format_bytes(before), format_bytes(after));
//! drop(big);
//! # Ok::<(), helpers::memory::MemoryError>(())
//! ```

use std::fmt;

/// The platform did not report memory usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryError;

impl fmt::Display for MemoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "this platform did not report the process's resident memory \
             (on Linux it is read from /proc/self; check that /proc is mounted)"
        )
    }
}

impl std::error::Error for MemoryError {}

/// The process's resident memory in bytes.
///
/// # Errors
///
/// [`MemoryError`] when the operating system does not report it.
///
/// ```
/// let bytes = helpers::memory::resident_memory()?;
/// assert!(bytes > 0);
/// # Ok::<(), helpers::memory::MemoryError>(())
/// ```
pub fn resident_memory() -> Result<u64, MemoryError> {
    memory_stats::memory_stats()
        .map(|stats| stats.physical_mem as u64)
        .ok_or(MemoryError)
}

/// Asks the memory allocator to give the pages it keeps for reuse back to
/// the operating system, so that the next change in [`resident_memory`]
/// measures new allocations rather than recycled ones.
///
/// Freed memory usually stays resident: the allocator keeps it to serve the
/// next allocation quickly. Without this call, a measurement made after a
/// cell that freed 40 MiB can report that 100,000 new tasks cost nothing.
/// On Linux with glibc this calls `malloc_trim(0)`; elsewhere it does
/// nothing and returns `false`.
///
/// ```
/// use helpers::memory::{release_free_memory, resident_memory};
///
/// let big = vec![1u8; 32 << 20];
/// drop(big);
/// let released = release_free_memory();
/// # let _ = (released, resident_memory());
/// ```
pub fn release_free_memory() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            // glibc: releases free memory from every malloc arena; returns
            // 1 if memory was released, 0 otherwise. Always safe to call.
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim takes no pointers and only adjusts the
        // allocator's own free lists; it is thread-safe.
        unsafe {
            malloc_trim(0);
        }
        true
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

/// Formats a byte count with binary units (KiB, MiB, GiB) and four
/// significant figures.
///
/// ```
/// use helpers::prelude::*;
///
/// assert_eq!(format_bytes(512), "512 B");
/// assert_eq!(format_bytes(1536), "1.500 KiB");
/// assert_eq!(format_bytes(8 << 20), "8.000 MiB");
/// ```
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64;
    let mut unit = "B";
    for u in UNITS {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = u;
    }
    format!("{} {unit}", crate::display::four_significant(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_units() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(1023), "1023 B");
        assert_eq!(format_bytes(1024), "1.000 KiB");
        assert_eq!(format_bytes(10 * 1024 * 1024 + 512 * 1024), "10.50 MiB");
        assert_eq!(format_bytes(3 << 30), "3.000 GiB");
    }

    #[test]
    fn releasing_free_memory_shrinks_the_resident_set() {
        let buf: Vec<Vec<u8>> = (0..64).map(|_| vec![3u8; 512 << 10]).collect();
        let with_buf = resident_memory().unwrap();
        drop(buf);
        if release_free_memory() {
            assert!(resident_memory().unwrap() + (16 << 20) < with_buf);
        }
    }

    #[test]
    fn resident_memory_grows_when_pages_are_touched() {
        let before = resident_memory().unwrap();
        let buf = vec![7u8; 64 << 20];
        let after = resident_memory().unwrap();
        assert!(after > before + (32 << 20));
        drop(buf);
    }
}
