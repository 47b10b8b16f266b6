#include <catch2/catch.hpp>

#include <set>

#include "supplysim/model/calendar.hpp"
#include "supplysim/model/rng.hpp"

using namespace supplysim;

TEST_CASE("months parse as YYYY-MM and count like integers", "[calendar][sanitizer]") {
    auto m = parse_year_month("2020-12");
    REQUIRE(m);
    CHECK(m->year == 2020);
    CHECK(m->month == 12);
    CHECK(m->str() == "2020-12");
    CHECK(months_between(YearMonth{2017, 1}, YearMonth{2030, 12}) == 167);
    CHECK(YearMonth::from_index(YearMonth{2019, 12}.index() + 1) == YearMonth{2020, 1});
    for (const char* bad : {"2020-13", "2020-00", "20-01", "2020/01", "2020-1", "abcd-ef", "2020-011", ""})
        CHECK_FALSE(parse_year_month(bad));
}

TEST_CASE("counter-based draws are a pure function of their keys", "[rng][sanitizer]") {
    const CounterRng a(7, 0), b(7, 0), other_seed(8, 0), other_replicate(7, 1);
    CHECK(a.uniforms(3, 11, Purpose::compliance) == b.uniforms(3, 11, Purpose::compliance));
    CHECK(a.uniforms(3, 11, Purpose::compliance) != other_seed.uniforms(3, 11, Purpose::compliance));
    CHECK(a.uniforms(3, 11, Purpose::compliance) != other_replicate.uniforms(3, 11, Purpose::compliance));
    CHECK(a.uniforms(3, 11, Purpose::compliance) != a.uniforms(3, 11, Purpose::inspection));
    CHECK(a.uniforms(3, 11, Purpose::compliance, 0) != a.uniforms(3, 11, Purpose::compliance, 1));
    CHECK(a.uniforms(3, 11, Purpose::compliance) != a.uniforms(4, 11, Purpose::compliance));
}

TEST_CASE("uniforms lie strictly inside (0, 1) with the right mean", "[rng][sanitizer]") {
    const CounterRng rng(12345, 2);
    double sum = 0, sum_normal = 0, sum_sq = 0;
    const int n = 50000;
    for (int i = 0; i < n; ++i) {
        auto u = rng.uniforms(0, std::uint32_t(i), Purpose::hire);
        for (double x : u) {
            REQUIRE(x > 0.0);
            REQUIRE(x < 1.0);
            sum += x;
        }
        const double z = CounterRng::normal(u[0], u[1]);
        sum_normal += z;
        sum_sq += z * z;
    }
    CHECK(sum / (4.0 * n) == Approx(0.5).margin(0.005));
    CHECK(sum_normal / n == Approx(0.0).margin(0.02));
    CHECK(sum_sq / n == Approx(1.0).margin(0.03));
}
