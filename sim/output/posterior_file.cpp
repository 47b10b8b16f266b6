#include "supplysim/output/posterior_file.hpp"

#include <hdf5.h>

#include <cmath>
#include <cstdlib>
#include <mutex>

#include "output/hdf5_attributes.hpp"
#include "supplysim/input/file_check.hpp"
#include "supplysim/output/sweep_output.hpp"

namespace supplysim {

namespace {

// Closes an HDF5 handle when it leaves scope (every early error return below).
struct Handle {
    hid_t id;
    herr_t (*close)(hid_t);
    ~Handle() { if (id >= 0) close(id); }
};

std::vector<double> read_doubles(hid_t loc, const char* name, std::vector<hsize_t>& dims) {
    dims.clear();
    if (H5Lexists(loc, name, H5P_DEFAULT) <= 0) return {};
    Handle ds{H5Dopen2(loc, name, H5P_DEFAULT), H5Dclose};
    if (ds.id < 0) return {};
    Handle space{H5Dget_space(ds.id), H5Sclose};
    const int rank = H5Sget_simple_extent_ndims(space.id);
    if (rank < 1 || rank > 2) return {};
    dims.resize(std::size_t(rank));
    H5Sget_simple_extent_dims(space.id, dims.data(), nullptr);
    std::vector<double> out(std::size_t(H5Sget_simple_extent_npoints(space.id)));
    if (!out.empty() && H5Dread(ds.id, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0) return {};
    return out;
}

std::vector<std::string> read_strings(hid_t loc, const char* name) {
    if (H5Lexists(loc, name, H5P_DEFAULT) <= 0) return {};
    Handle ds{H5Dopen2(loc, name, H5P_DEFAULT), H5Dclose};
    Handle space{H5Dget_space(ds.id), H5Sclose};
    const auto n = std::size_t(std::max<hssize_t>(0, H5Sget_simple_extent_npoints(space.id)));
    std::vector<char*> raw(n, nullptr);
    Handle mem{H5Tcopy(H5T_C_S1), H5Tclose};
    H5Tset_size(mem.id, H5T_VARIABLE);
    H5Tset_cset(mem.id, H5T_CSET_UTF8);
    std::vector<std::string> out;
    if (n && H5Dread(ds.id, mem.id, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) >= 0)
        for (char* s : raw) out.emplace_back(s ? s : "");
    if (n) H5Dvlen_reclaim(mem.id, space.id, H5P_DEFAULT, raw.data());
    return out;
}

}  // namespace

PosteriorParticles read_posterior_particles(const std::string& file, const SourceMark& mark, const std::string& field) {
    const auto fail = [&](const std::string& problem) { throw InputError(mark, field, "\"" + file + "\" " + problem); };
    if (const std::string problem = file_problem(file); !problem.empty()) fail(problem);
    std::lock_guard lock(sweep::hdf5_mutex());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    if (H5Fis_hdf5(file.c_str()) <= 0) fail("is not a calibration output (not an HDF5 file)");
    Handle f{H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
    if (f.id < 0) fail("cannot be opened (truncated or damaged?)");
    const std::string format = read_string_attr(f.id, "format");
    if (format != "supplysim-calibration")
        fail("is not a calibration output (format \"" + format + "\", expected \"supplysim-calibration\" from `supplysim calibrate`)");
    int complete = 0;
    if (H5Aexists(f.id, "complete") > 0) {
        Handle a{H5Aopen(f.id, "complete", H5P_DEFAULT), H5Aclose};
        long long v = 0;
        if (H5Aread(a.id, H5T_NATIVE_LLONG, &v) >= 0) complete = int(v);
    }
    if (complete != 1) fail("is an incomplete calibration output (attribute complete is not 1)");
    const std::string method = read_string_attr(f.id, "method");
    if (method == "msm") fail("is a simulated-moments (msm) estimate, which has no posterior particles; use an abc_rejection or abc_smc calibration");

    PosteriorParticles p;
    p.file = file;
    p.paths = read_strings(f.id, "parameters/path");
    if (p.paths.empty()) fail("has no /parameters/path");
    int last = -1;
    for (int g = 0;; ++g) {
        const std::string name = "generations/" + std::to_string(g);
        if (H5Lexists(f.id, "generations", H5P_DEFAULT) <= 0 || H5Lexists(f.id, name.c_str(), H5P_DEFAULT) <= 0) break;
        last = g;
    }
    if (last < 0) fail("has no /generations");
    const std::string gen = "generations/" + std::to_string(last);
    Handle g{H5Gopen2(f.id, gen.c_str(), H5P_DEFAULT), H5Gclose};
    std::vector<hsize_t> tdims, wdims;
    const auto theta = read_doubles(g.id, "theta", tdims);
    p.weight = read_doubles(g.id, "weight", wdims);
    const std::size_t k = p.paths.size();
    if (tdims.size() != 2 || tdims[1] != k || tdims[0] < 1)
        fail("has no particles [particles x " + std::to_string(k) + " parameters] in /" + gen + "/theta");
    if (wdims.size() != 1 || wdims[0] != tdims[0]) fail("has no weight per particle in /" + gen + "/weight");
    double total = 0;
    for (double w : p.weight) {
        if (!(w >= 0) || !std::isfinite(w)) fail("has a negative or non-finite weight in /" + gen + "/weight");
        total += w;
    }
    if (!(total > 0)) fail("has particle weights summing to 0 in /" + gen + "/weight");
    for (double& w : p.weight) w /= total;
    for (std::size_t i = 0; i < tdims[0]; ++i) p.theta.emplace_back(theta.begin() + std::ptrdiff_t(i * k), theta.begin() + std::ptrdiff_t((i + 1) * k));
    return p;
}

}  // namespace supplysim
