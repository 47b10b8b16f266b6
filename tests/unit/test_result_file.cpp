#include <catch2/catch.hpp>

#include <hdf5.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "supplysim/output/result_file.hpp"
#include "supplysim/runs/experiment.hpp"
#include "test_support.hpp"

using namespace supplysim;
namespace fs = std::filesystem;

namespace {
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("supplysim-rf-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

double read_value(const std::string& file, const std::string& indicator, hsize_t rep, hsize_t month, hsize_t group) {
    hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    hid_t ds = H5Dopen2(f, ("indicators/" + indicator).c_str(), H5P_DEFAULT);
    hid_t space = H5Dget_space(ds);
    const hsize_t start[4] = {0, rep, month, group}, count[4] = {1, 1, 1, 1};
    H5Sselect_hyperslab(space, H5S_SELECT_SET, start, nullptr, count, nullptr);
    hid_t mem = H5Screate_simple(4, count, nullptr);
    double v = -1;
    H5Dread(ds, H5T_NATIVE_DOUBLE, mem, space, H5P_DEFAULT, &v);
    H5Sclose(mem), H5Sclose(space), H5Dclose(ds), H5Fclose(f);
    return v;
}
}  // namespace

TEST_CASE("results round-trip through HDF5 and the file appears only when complete", "[hdf5][sanitizer][threads]") {
    TempDir dir;
    const Scenario s = test::small_scenario();
    const GroupLayout layout(s);
    const auto series = run_replicates(s, layout, 2);
    const std::string out = (dir.path / "r.h5").string();
    auto file = ResultFile::create(out, make_header(s, layout, 2, 1, "test"));
    CHECK(fs::exists(out + ".partial"));
    CHECK_FALSE(fs::exists(out));
    for (int r = 0; r < 2; ++r) file.write_replicate(0, r, series[std::size_t(r)]);
    // Before finish the partial file is refused as incomplete by readers.
    file.flush();
    file.mark_run_done(0);
    file.finish();
    CHECK(fs::exists(out));
    CHECK_FALSE(fs::exists(out + ".partial"));

    const FileSummary summary = read_file_summary(out);
    CHECK(summary.complete);
    CHECK(summary.scenario_name == "small");
    CHECK(summary.seed == 42);
    CHECK(summary.replicates == 2);
    CHECK(summary.months == 24);
    CHECK(summary.start == "2019-01");
    CHECK(summary.groups.size() == layout.groups().size());
    CHECK(summary.groups[0].dimension == "all");
    CHECK(summary.indicators.size() == indicator_catalogue().size());
    CHECK(summary.scenario_yaml == s.resolved_yaml);
    const int osh = 0;  // compliance.osh is the first indicator in the catalogue
    REQUIRE(indicator_catalogue()[osh].name == "compliance.osh");
    for (int month : {0, 11, 23})
        for (int group : {0, 1, 5})
            CHECK(read_value(out, "compliance.osh", 1, hsize_t(month), hsize_t(group)) == series[1].at(osh, month, group));
}

TEST_CASE("group names of any length and UTF-8 text round-trip through /groups", "[hdf5][sanitizer]") {
    TempDir dir;
    const Scenario s = test::small_with("outputs: {dimensions: [gender, disability*indigenous*ethnicity]}\n");
    const GroupLayout layout(s);
    OutputHeader h = make_header(s, layout, 1, 1, "test");
    // Longer than format version 1's fixed fields (32 and 64 bytes), and not ASCII.
    h.groups.push_back({"years_in_programme*country*gender", "Côte_d'Ivoire_région_des_Savanes*5_plus*tier2*female_workers_and_more"});
    const std::string out = (dir.path / "g.h5").string();
    auto file = ResultFile::create(out, h);
    file.mark_run_done(0);
    file.finish();
    const FileSummary summary = read_file_summary(out);
    REQUIRE(summary.groups.size() == h.groups.size());
    for (std::size_t g = 0; g < h.groups.size(); ++g) {
        CHECK(summary.groups[g].dimension == h.groups[g].dimension);
        CHECK(summary.groups[g].value == h.groups[g].value);
    }
    CHECK(summary.groups[3].dimension == "disability*indigenous*ethnicity");
    CHECK(summary.groups[3].value == "disabled*indigenous*minority");
    CHECK(summary.format_version == 2);
}

TEST_CASE("/groups of format version 1 (fixed-length strings) are still read", "[hdf5][sanitizer]") {
    TempDir dir;
    const Scenario s = test::small_with("outputs: {dimensions: [gender]}\n");
    const GroupLayout layout(s);
    const std::string out = (dir.path / "v1.h5").string();
    auto file = ResultFile::create(out, make_header(s, layout, 1, 1, "test"));
    file.mark_run_done(0);
    file.finish();
    // Replace /groups by version 1's table: 32- and 64-byte NUL-padded fields.
    struct Fixed {
        char dimension[32];
        char value[64];
    };
    Fixed rows[3] = {{"all", "all"}, {"gender", "female"}, {"gender", "male"}};
    hid_t f = H5Fopen(out.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    REQUIRE(H5Ldelete(f, "groups", H5P_DEFAULT) >= 0);
    hid_t dim = H5Tcopy(H5T_C_S1), val = H5Tcopy(H5T_C_S1);
    H5Tset_size(dim, 32);
    H5Tset_size(val, 64);
    hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(Fixed));
    H5Tinsert(t, "dimension", HOFFSET(Fixed, dimension), dim);
    H5Tinsert(t, "value", HOFFSET(Fixed, value), val);
    const hsize_t n = 3;
    hid_t space = H5Screate_simple(1, &n, nullptr);
    hid_t ds = H5Dcreate2(f, "groups", t, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    REQUIRE(H5Dwrite(ds, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows) >= 0);
    H5Dclose(ds), H5Sclose(space), H5Tclose(t), H5Tclose(dim), H5Tclose(val), H5Fclose(f);
    const FileSummary summary = read_file_summary(out);
    REQUIRE(summary.groups.size() == 3);
    CHECK(summary.groups[1].dimension == "gender");
    CHECK(summary.groups[2].value == "male");
}

TEST_CASE("info refuses foreign, truncated and incomplete files with a clear message", "[hdf5][sanitizer]") {
    TempDir dir;
    const std::string text = (dir.path / "note.h5").string();
    std::ofstream(text) << "not hdf5";
    CHECK_THROWS_WITH(read_file_summary(text), Catch::Contains("not an HDF5 file"));
    CHECK_THROWS_WITH(read_file_summary((dir.path / "none.h5").string()), Catch::Contains("file not found"));
    const std::string foreign = (dir.path / "foreign.h5").string();
    hid_t f = H5Fcreate(foreign.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    H5Fclose(f);
    CHECK_THROWS_WITH(read_file_summary(foreign), Catch::Contains("not a supplysim results file"));
    const Scenario s = test::small_scenario();
    const GroupLayout layout(s);
    const std::string out = (dir.path / "half.h5").string();
    {
        auto file = ResultFile::create(out, make_header(s, layout, 1, 1, "test"));
        file.keep_incomplete();
    }  // kept without finish(): stays .partial, complete = 0
    CHECK_FALSE(fs::exists(out));
    CHECK_THROWS_WITH(read_file_summary(out + ".partial"), Catch::Contains("the file is incomplete"));
    // Truncated copy of a complete file.
    const std::string whole = (dir.path / "whole.h5").string();
    auto file = ResultFile::create(whole, make_header(s, layout, 1, 1, "test"));
    file.write_replicate(0, 0, run_replicates(s, layout, 1)[0]);
    file.finish();
    const std::string cut = (dir.path / "cut.h5").string();
    fs::copy_file(whole, cut);
    fs::resize_file(cut, fs::file_size(cut) / 2);
    CHECK_THROWS(read_file_summary(cut));
}

TEST_CASE("outputs.compression: level 0 writes no filter and the same values as the default level", "[hdf5]") {
    TempDir dir;
    Scenario s = test::small_scenario();
    const GroupLayout layout(s);
    const auto series = run_replicates(s, layout, 1);
    auto write = [&](int level) {
        const std::string out = (dir.path / ("level" + std::to_string(level) + ".h5")).string();
        OutputHeader header = make_header(s, layout, 1, 1, "test");
        header.compression = level;
        auto file = ResultFile::create(out, header);
        file.write_replicate(0, 0, series[0]);
        file.mark_run_done(0);
        file.finish();
        return out;
    };
    auto filters = [](const std::string& path) {
        hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
        hid_t ds = H5Dopen2(f, "indicators/compliance.osh", H5P_DEFAULT);
        hid_t dcpl = H5Dget_create_plist(ds);
        const int n = H5Pget_nfilters(dcpl);
        H5Pclose(dcpl), H5Dclose(ds), H5Fclose(f);
        return n;
    };
    const std::string plain = write(0), packed = write(1);
    CHECK(filters(plain) == 0);
    CHECK(filters(packed) == 2);  // shuffle and deflate
    CHECK(fs::file_size(plain) > fs::file_size(packed));
    for (hsize_t month : {hsize_t(0), hsize_t(11), hsize_t(23)})
        CHECK(read_value(plain, "compliance.osh", 0, month, 0) == read_value(packed, "compliance.osh", 0, month, 0));
    CHECK(s.outputs.compression == 1);  // the default
}
