// The same scenario and seed give bit-identical outputs whatever the thread count.
#include <catch2/catch.hpp>

#include <hdf5.h>
#include <tbb/global_control.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "supplysim/model/indicators.hpp"
#include "supplysim/model/simulation.hpp"
#include "test_support.hpp"

using namespace supplysim;

namespace {

Series simulate_with_threads(const Scenario& s, int threads, int replicate) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    return simulate_replicate(s, GroupLayout(s), replicate);
}

// Raw bytes of every indicator dataset in a results file.
std::vector<std::vector<unsigned char>> indicator_bytes(const std::string& path) {
    std::vector<std::vector<unsigned char>> out;
    hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    REQUIRE(file >= 0);
    for (const auto& spec : indicator_catalogue()) {
        hid_t ds = H5Dopen2(file, ("indicators/" + spec.name).c_str(), H5P_DEFAULT);
        REQUIRE(ds >= 0);
        hid_t space = H5Dget_space(ds);
        std::vector<unsigned char> bytes(std::size_t(H5Sget_simple_extent_npoints(space)) * sizeof(double));
        REQUIRE(H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data()) >= 0);
        out.push_back(std::move(bytes));
        H5Sclose(space);
        H5Dclose(ds);
    }
    H5Fclose(file);
    return out;
}

}  // namespace

TEST_CASE("a replicate is bit-identical on 1 and 2 threads", "[determinism][integration][sanitizer][threads]") {
    const Scenario s = test::small_scenario();
    const Series one = simulate_with_threads(s, 1, 1);
    const Series two = simulate_with_threads(s, 2, 1);
    REQUIRE(one.values.size() == two.values.size());
    CHECK(std::memcmp(one.values.data(), two.values.data(), one.values.size() * sizeof(double)) == 0);
    const Series other = simulate_with_threads(s, 2, 2);
    CHECK(std::memcmp(one.values.data(), other.values.data(), one.values.size() * sizeof(double)) != 0);
}

TEST_CASE("the HDF5 datasets are byte-for-byte equal for --threads 1 and --threads 2", "[determinism][cli][integration][sanitizer][threads]") {
    const auto dir = std::filesystem::temp_directory_path() / ("supplysim-det-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string scenario = test::source_path("tests/data/small.yaml");
    const std::string a = (dir / "t1.h5").string(), b = (dir / "t2.h5").string();
    const std::string bin = SUPPLYSIM_BINARY;
    REQUIRE(std::system((bin + " run " + scenario + " -o " + a + " -r 3 --threads 1 -q").c_str()) == 0);
    REQUIRE(std::system((bin + " run " + scenario + " -o " + b + " -r 3 --threads 2 -q").c_str()) == 0);
    const auto bytes_a = indicator_bytes(a), bytes_b = indicator_bytes(b);
    REQUIRE(bytes_a.size() == bytes_b.size());
    for (std::size_t i = 0; i < bytes_a.size(); ++i) {
        INFO(indicator_catalogue()[i].name);
        CHECK(bytes_a[i] == bytes_b[i]);
    }
    std::filesystem::remove_all(dir);
}
