#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt): runs the fuzzing loop with `callback` as the target. Called
/// from the executable's own entry point, since SwiftPM names an executable's `main` itself.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
