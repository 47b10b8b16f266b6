#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/field_reader.hpp"

using namespace supplysim;

namespace {
struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("supplysim-config-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};
}  // namespace

TEST_CASE("extends deep-merges maps and merges named lists by name", "[config][sanitizer]") {
    TempDir dir;
    dir.write("base.yaml", "name: base\na: {x: 1, y: 2}\nitems:\n  - {name: one, v: 1}\n  - {name: two, v: 2}\nplain: [1, 2]\n");
    const auto child = dir.write("child.yaml", "extends: base.yaml\nname: child\na: {y: 3}\nitems:\n  - {name: two, v: 20}\n  - {name: three, v: 3}\nplain: [9]\n");
    const ConfigNode tree = load_config(child);
    CHECK(tree.find("extends") == nullptr);
    CHECK(tree.find("name")->scalar == "child");
    CHECK(tree.find("a")->find("x")->scalar == "1");
    CHECK(tree.find("a")->find("y")->scalar == "3");
    const auto& items = tree.find("items")->items;
    REQUIRE(items.size() == 3);
    CHECK(items[0].find("v")->scalar == "1");
    CHECK(items[1].find("v")->scalar == "20");
    CHECK(items[2].find("name")->scalar == "three");
    REQUIRE(tree.find("plain")->items.size() == 1);
    // Values remember the file they came from, so errors point there.
    CHECK(tree.find("a")->find("x")->mark.file.find("base.yaml") != std::string::npos);
    CHECK(tree.find("a")->find("y")->mark.file.find("child.yaml") != std::string::npos);
    CHECK(tree.find("a")->find("y")->mark.line == 3);
}

TEST_CASE("extends cycles and missing files are errors naming the file", "[config][sanitizer]") {
    TempDir dir;
    dir.write("a.yaml", "extends: b.yaml\nname: a\n");
    const auto b = dir.write("b.yaml", "extends: a.yaml\nname: b\n");
    CHECK_THROWS_WITH(load_config(b), Catch::Contains("cycle of extends") && Catch::Contains("a.yaml:1:10"));
    const auto c = dir.write("c.yaml", "name: c\nextends: nowhere.yaml\n");
    CHECK_THROWS_WITH(load_config(c), Catch::Contains("c.yaml:2:10: 'extends': file not found"));
}

TEST_CASE("malformed YAML text is reported with its position", "[config][sanitizer]") {
    CHECK_THROWS_WITH(parse_config_text("a: [1, 2\n", "f.yaml"), Catch::StartsWith("f.yaml:") && Catch::Contains("YAML syntax error"));
    CHECK_THROWS_WITH(parse_config_text("", "e.yaml"), Catch::Contains("e.yaml:1:1: the file is empty"));
    CHECK_THROWS_WITH(parse_config_text("a: 1\na: 2\n", "d.yaml"), Catch::Contains("d.yaml:2:1: 'a': duplicate key"));
    CHECK_THROWS_WITH(parse_config_text("a: \xff\xfe\n", "u.yaml"), Catch::Contains("u.yaml:1:4: the file is not valid UTF-8"));
    CHECK_THROWS_WITH(parse_config_text("- 1\n- 2\n", "l.yaml"), Catch::Contains("expected a YAML map"));
}

TEST_CASE("unknown keys get a did-you-mean suggestion", "[config][sanitizer]") {
    const ConfigNode tree = parse_config_text("nme: x\n", "s.yaml");
    FieldReader r(tree, "", "", nullptr);
    r.text("name", "", "");
    CHECK_THROWS_WITH(r.reject_unknown_keys(), "s.yaml:1:1: 'nme': unknown key; did you mean \"name\"?");
    CHECK(closest_match("inspectors_per_10k", {"inspectors_per_10k_workers", "targeting"}) == "");
    CHECK(closest_match("targetting", {"inspectors_per_10k_workers", "targeting"}) == "targeting");
}

TEST_CASE("an alias bomb is refused quickly instead of expanded (found by fuzzing)", "[config]") {
    // Each level repeats the one above ten times: 10^6 values at level f if expanded.
    const std::string bomb =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    CHECK_THROWS_WITH(parse_config_text(bomb, "bomb.yaml"),
                      "bomb.yaml: document too large (more than 100,000 values once aliases are expanded)");
}

TEST_CASE("a file name the system refuses is bad input, not an abort (found by fuzzing)", "[config][sanitizer]") {
    TempDir dir;
    const std::string too_long(300, 'x');  // over NAME_MAX (255): the system answers ENAMETOOLONG
    const auto child = dir.write("child.yaml", "extends: " + too_long + ".yaml\nname: child\n");
    try {
        load_config(child);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Catch::StartsWith(child + ":1:"));
        CHECK_THAT(what, Catch::Contains("extends") && Catch::Contains("File name too long"));
    }
    CHECK_THROWS_AS(load_config((dir.path / (too_long + ".yaml")).string()), InputError);
}
