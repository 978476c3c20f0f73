"""The course's notebook harness.

It executes every chapter notebook with the real evcxr kernel, in `_toc.yml`
order, and reports everything that must fail the build: compile errors,
panics (which evcxr only prints to stderr), timeouts, exercise checks that
give the wrong verdict, and repository mistakes such as committed outputs.
The executed copies are kept under `_build/executed/` so the static site is
built from them without running anything twice.
"""
