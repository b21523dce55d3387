from fractions import Fraction as F
import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.mean([1, 2, 3, 4]), st.mean([1.5, 2.5]), st.mean([F(1, 2), F(1, 3)]), st.fmean(data), st.median(data), st.median([3, 1, 2]), st.median_low(data), st.median_high(data))
print(st.pstdev(data), st.stdev(data), st.variance(data), st.pvariance(data), st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1, 2, 3, 4]))
print(st.mode([1, 1, 2, 3]), st.mode("aabbbc"), st.multimode("aabbcc"), st.harmonic_mean([40, 60]), st.geometric_mean([54, 24, 36]), st.median_grouped([52, 52, 53, 54]), st.quantiles(range(1, 11)), st.quantiles(range(1, 11), n=10, method='inclusive'))
print(st.covariance([1, 2, 3], [1, 2, 4]), st.correlation([1, 2, 3], [1, 2, 4]), st.linear_regression([1, 2, 3], [2, 4, 6.5]), st.fmean([1, 2, 3], weights=[3, 2, 1]))
for bad in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.mode([]), lambda: st.median([]), lambda: st.variance([1]), lambda: st.harmonic_mean([-1, 2]), lambda: st.correlation([1, 1], [2, 3]), lambda: st.mean(['a'])]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
nd = st.NormalDist(100, 15); print(nd, nd.cdf(115), nd.pdf(100), nd.inv_cdf(0.975), nd.quantiles(), nd.zscore(130), nd + 5, nd * 2, st.NormalDist.from_samples([1, 2, 3, 4, 5]), nd.overlap(st.NormalDist(110, 15)))
print(st.NormalDist().inv_cdf(0.001), st.NormalDist().inv_cdf(1e-10), st.NormalDist(0, 1).samples(3, seed=42))
