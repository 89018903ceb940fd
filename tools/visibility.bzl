"""Who may depend on test equipment: the fakes, the simulator and the tools."""

# Tools, tests and the fakes themselves; never the engine, which must not depend on a fake,
# the simulator or a test (docs/engine.md).
TEST_EQUIPMENT = [
    "//fakes:__subpackages__",
    "//tests:__subpackages__",
    "//tools:__subpackages__",
]
