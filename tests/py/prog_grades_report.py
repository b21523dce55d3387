# A student grades report: dicts of lists, averages, letter grades, formatted table.
students = {
    "Alice": [88, 92, 79, 95],
    "Bob": [72, 65, 80, 70],
    "Charlie": [95, 98, 100, 92],
    "Diana": [60, 55, 70, 58],
    "Émile": [85, 85, 85, 85],
}
def letter(avg):
    for threshold, grade in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
        if avg >= threshold:
            return grade
    return "F"
print(f"{'Name':<10}|{'Scores':^20}|{'Avg':>7}|{'Grade':^7}")
print("-" * 47)
averages = {}
for name, scores in sorted(students.items()):
    avg = sum(scores) / len(scores)
    averages[name] = avg
    scores_text = " ".join(f"{s:3d}" for s in scores)
    print(f"{name:<10}|{scores_text:^20}|{avg:>7.2f}|{letter(avg):^7}")
print("-" * 47)
best = max(averages, key=averages.get)
print(f"Best: {best} ({averages[best]:.1f}), class average: {sum(averages.values()) / len(averages):.3f}")
distribution = {}
for name, avg in averages.items():
    distribution.setdefault(letter(avg), []).append(name)
for grade in "ABCDF":
    names = distribution.get(grade, [])
    print(f"{grade}: {len(names)} {'*' * len(names):<5} {', '.join(names)}")
all_scores = [s for scores in students.values() for s in scores]
print(min(all_scores), max(all_scores), sorted(set(all_scores))[:5], round(sum(all_scores) / len(all_scores), 2))
above = {n: round(a, 1) for n, a in averages.items() if a > 80}
print(above)
ranking = sorted(averages.items(), key=lambda kv: kv[1], reverse=True)
for rank, (name, avg) in enumerate(ranking, 1):
    print(f"{rank}. {name:.<12}{avg:6.2f}%")
