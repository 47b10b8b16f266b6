// Input files (include/supplysim/input/input_file.hpp) and what scenario files may not hold: special
// files, oversized files, several YAML documents, keys without values, names that cannot be stored.
// Every case checks the exact message.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "supplysim/input/input_file.hpp"
#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/scenario_loader.hpp"

namespace fs = std::filesystem;
using namespace supplysim;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("supplysim-inputs-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        const auto p = (path / name).string();
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
    static inline int counter = 0;
};

std::string problem_reading(const std::string& path, std::size_t limit = max_input_bytes) {
    try {
        read_input_file(path, limit);
    } catch (const InputFileProblem& e) {
        return e.what();
    }
    return "";
}

std::string error_loading(const std::string& path) {
    try {
        load_scenario(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

const std::string small = std::string(SUPPLYSIM_SOURCE_DIR) + "/tests/data/small.yaml";

}  // namespace

TEST_CASE("only regular files are read: a FIFO, a device or a folder is refused without blocking", "[inputs]") {
    TempDir dir;
    const auto fifo = (dir.path / "pipe.yaml").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(problem_reading(fifo) == "is a FIFO (named pipe), not a regular file");
    CHECK(regular_file_problem(fifo) == "is a FIFO (named pipe), not a regular file");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
    CHECK(problem_reading("/dev/zero") == "is a character device, not a regular file");
    CHECK(problem_reading(dir.path.string()) == "is a folder, not a regular file");
    CHECK(problem_reading((dir.path / "none.yaml").string()) == "not found");
    CHECK(regular_file_problem((dir.path / "none.yaml").string()) == "not found");
}

TEST_CASE("a file over the size limit is refused, and every file read is remembered", "[inputs]") {
    TempDir dir;
    const auto big = dir.write("big.yaml", std::string(5000, '#'));
    CHECK(problem_reading(big, 4096) == "is larger than 4096 bytes");
    CHECK(read_input_file(big, 5000).size() == 5000);
    const auto records = inputs_read();
    CHECK(std::any_of(records.begin(), records.end(), [&](const InputRecord& r) { return r.path == big; }));
    CHECK(identity_of(big) == records.back().identity);
}

TEST_CASE("extends: naming a FIFO, a device or a folder is an error at the extends: line", "[inputs]") {
    TempDir dir;
    const auto fifo = (dir.path / "base.yaml").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto child = dir.write("child.yaml", "name: child\nextends: base.yaml\n");
    CHECK(error_loading(child) == child + ":2:10: 'extends': file is a FIFO (named pipe), not a regular file: " + (dir.path / "base.yaml").string());
    const auto zero = dir.write("zero.yaml", "extends: /dev/zero\n");
    CHECK(error_loading(zero) == zero + ":1:10: 'extends': file is a character device, not a regular file: /dev/zero");
    const auto folder = dir.write("folder.yaml", "extends: " + dir.path.string() + "\n");
    CHECK(error_loading(folder) == folder + ":1:10: 'extends': file is a folder, not a regular file: " + dir.path.string());
    CHECK(error_loading(fifo) == fifo + ": file is a FIFO (named pipe), not a regular file");
}

TEST_CASE("a second YAML document is refused at its first line, an empty one after --- is not", "[inputs]") {
    TempDir dir;
    const auto two = dir.write("two.yaml", "extends: " + small + "\n---\nseed: 3\n");
    CHECK(error_loading(two) == two + ":3:1: a second YAML document (after `---`): a file holds one document; remove the `---` line or "
                                      "split the file");
    const auto trailing = dir.write("trailing.yaml", "---\nextends: " + small + "\nseed: 3\n---\n");
    CHECK(load_scenario(trailing).seed == 3);
    const auto after_empty = dir.write("after_empty.yaml", "extends: " + small + "\n---\n---\nseed: 3\n");
    CHECK(error_loading(after_empty) == after_empty + ":4:1: a second YAML document (after `---`): a file holds one document; remove the "
                                                      "`---` line or split the file");
    // A stray flow token at the top level: the YAML parser reports empty documents without end (found
    // by fuzzing: all memory, then a kill); the file is read as empty, at once.
    const auto stray = dir.write("stray.yaml", ",nve%tions:\n.");
    CHECK(error_loading(stray) == stray + ":1:1: the file is empty; expected a scenario (a YAML map)");
}

TEST_CASE("a key without a value is refused: never 0, never the default over the extended file's value", "[inputs]") {
    TempDir dir;
    const auto required = dir.write("required.yaml", "extends: " + small + "\ntiers:\n  - name: tier1\n    worker_share:\n");
    CHECK(error_loading(required) == required + ":4:5: 'tiers[0].worker_share': no value given (null); write a value, or delete the key "
                                                "to use the default or the value of the file it extends");
    // small.yaml sets seed: 42; a child's `seed:` would have put the default (1) back.
    const auto child = dir.write("child.yaml", "extends: " + small + "\nseed: ~\n");
    CHECK(error_loading(child) == child + ":2:1: 'seed': no value given (null); write a value, or delete the key to use the default or "
                                          "the value of the file it extends");
    const auto section = dir.write("section.yaml", "extends: " + small + "\noutputs:\n");
    CHECK(error_loading(section) == section + ":2:1: 'outputs': no value given (null); write a value, or delete the key to use the "
                                              "default or the value of the file it extends");
}

TEST_CASE("names the output cannot store are refused where they are written; long names are stored whole", "[inputs]") {
    TempDir dir;
    const std::string base = "extends: " + small + "\ncountries:\n";
    // /groups holds variable-length UTF-8 (format version 2): names of any length, and names that
    // differ only after their 63rd byte, stay apart. What fails next is the sector shares, not the name.
    const std::string a = std::string(63, 'n') + "_a", b = std::string(63, 'n') + "_b";
    const auto long_names = dir.write("long.yaml", base + "  - {name: " + a + ", workers: 10}\n  - {name: " + b + ", workers: 10}\n");
    CHECK_THAT(error_loading(long_names), Catch::Contains("country_share for \"" + a + "\" must sum to 1"));
    const std::string utf8_name = std::string(62, 's') + "\u00e3";
    const auto utf8 = dir.write("utf8.yaml", base + "  - {name: " + utf8_name + ", workers: 10}\n");
    CHECK_THAT(error_loading(utf8), Catch::Contains("country_share for \"" + utf8_name + "\" must sum to 1"));
    const auto nul = dir.write("nul.yaml", "extends: " + small + "\ntiers:\n  - {name: \"tier\\0one\", worker_share: 1}\n");
    CHECK(error_loading(nul) == nul + ":3:12: 'tiers[3].name': name \"tier\\x00one\" contains the control character 0x00, which output "
                                      "files cannot store");
    const auto separator = dir.write("separator.yaml", "extends: " + small + "\nassessments:\n  - {name: \"mid=term\", date: 2019-06}\n");
    CHECK(error_loading(separator) == separator + ":3:12: 'assessments[0].name': name \"mid=term\" contains \"=\", which separates "
                                                  "assessment points in the output file's `assessments` attribute");
}
