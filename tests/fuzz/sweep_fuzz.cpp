// libFuzzer target over the sweep-file loader and plan builder.
//
// The sweep loader reads files (the sweep and the base scenario it names), so each input is written
// to a private folder next to base.yaml (a copy of tests/fuzz/base.yaml) and loaded from there. The
// plan is built, with every run's scenario checked, when the design has at most 16 runs (larger
// designs are valid but would make each input take seconds). Only InputError may escape.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "supplysim/input/input_error.hpp"
#include "supplysim/input/sweep_file.hpp"
#include "supplysim/runs/sweep/sweep_plan.hpp"

#ifndef SUPPLYSIM_SOURCE_DIR
#define SUPPLYSIM_SOURCE_DIR "."
#endif

namespace {

namespace fs = std::filesystem;

const fs::path& folder() {
    static const fs::path dir = [] {
        const fs::path d = fs::temp_directory_path() / ("supplysim-fuzz-sweep-" + std::to_string(getpid()));
        fs::create_directories(d);
        const char* env = std::getenv("SUPPLYSIM_FUZZ_BASE");
        fs::copy_file(env ? env : SUPPLYSIM_SOURCE_DIR "/tests/fuzz/base.yaml", d / "base.yaml",
                      fs::copy_options::overwrite_existing);
        return d;
    }();
    return dir;
}

double planned_runs(const supplysim::sweep::SweepSpec& s) {
    using supplysim::sweep::DesignKind;
    if (s.design == DesignKind::lhs) return s.samples;
    if (s.design == DesignKind::sobol) return double(s.samples) * double(s.parameters.size() + 2);
    double runs = 1;
    for (const auto& p : s.parameters) runs *= p.is_range() ? std::max(p.steps, 1) : double(p.values.size());
    return runs;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)folder();
    std::atexit([] {
        std::error_code ec;
        fs::remove_all(folder(), ec);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path file = folder() / "sweep.yaml";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    try {
        const auto spec = supplysim::sweep::parse_sweep_file(file.string());
        if (planned_runs(spec) <= 16) {
            const auto plan = supplysim::sweep::make_plan(spec, true);
            if (plan.runs() > 0) (void)supplysim::sweep::scenario_for_run(plan, plan.runs() - 1);
        }
    } catch (const supplysim::InputError& e) {
        const std::string what = e.what();
        if (what.empty()) std::abort();
    }
    return 0;
}
