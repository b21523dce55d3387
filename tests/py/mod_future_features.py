import __future__
for n in __future__.all_feature_names:
    f = getattr(__future__, n)
    print(n, f.optional, f.mandatory, f.compiler_flag, f.getOptionalRelease() == f.optional)
print(repr(__future__.annotations), __future__.CO_FUTURE_ANNOTATIONS)
