// libFuzzer target over the scenario parser and validator.
//
// Every input is parsed as a scenario file and resolved twice: on its own, and deep-merged over the
// small valid scenario tests/fuzz/base.yaml (as `extends: base.yaml` would do), so that mutations reach the checks deep
// inside countries, sectors, buyers and parameters instead of stopping at the first missing key.
// The only acceptable failure is InputError (a clear message with file, line and field); any other
// exception escapes and libFuzzer reports it as a crash.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/scenario_loader.hpp"

#ifndef SUPPLYSIM_SOURCE_DIR
#define SUPPLYSIM_SOURCE_DIR "."
#endif

namespace {

const supplysim::ConfigNode& baseline() {
    static const supplysim::ConfigNode tree = [] {
        const char* env = std::getenv("SUPPLYSIM_FUZZ_BASE");
        return supplysim::load_config(env ? env : SUPPLYSIM_SOURCE_DIR "/tests/fuzz/base.yaml");
    }();
    return tree;
}

void check_message(const supplysim::InputError& e, const char* file) {
    // Every message names the file it is about.
    const std::string what = e.what();
    if (what.rfind(file, 0) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)baseline();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    supplysim::ConfigNode tree;
    try {
        tree = supplysim::parse_config_text(text, "fuzz.yaml");
    } catch (const supplysim::InputError& e) {
        check_message(e, "fuzz.yaml");
        return 0;
    }
    try {
        (void)supplysim::resolve_scenario(tree, "fuzz.yaml");
    } catch (const supplysim::InputError& e) {
        check_message(e, "fuzz.yaml");
    }
    try {
        supplysim::ConfigNode merged = baseline();
        supplysim::deep_merge(merged, tree);
        (void)supplysim::resolve_scenario(merged, "fuzz.yaml");
    } catch (const supplysim::InputError& e) {
        // Messages about keys the base supplied name the base file instead.
        (void)e;
    }
    return 0;
}
