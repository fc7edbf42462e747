"""Group-by statistics over a small sales table held in parallel columns.

Rows are orders: region code, units sold and unit price. The table is
generated from integer arithmetic so it is identical on every run.
"""
import np2torch.runtime as np

n_orders = 24
order_id = np.arange(n_orders)
region = (order_id * 7) % 4                     # 0..3
units = 1 + (order_id * 5 + 3) % 9              # 1..9
price = np.round(9.5 + 0.75 * ((order_id * 11) % 13), 2)
revenue = units * price

names = ["north", "south", "east", "west"]
print("columns:", region.dtype, units.dtype, price.dtype, "rows:", revenue.size)
print("first orders:")
print(np.stack([region, units, price], axis=1)[:4])

codes = np.unique(region)
print("regions present:", codes)

total = revenue.sum()
print(f"total revenue: {total:.2f}")
print(f"{'region':<8}{'orders':>7}{'units':>7}{'mean':>9}{'std':>8}{'share':>8}")
for code in codes:
    rows = region == code
    r = revenue[rows]
    share = 100.0 * r.sum() / total
    print(f"{names[code]:<8}{rows.sum():>7}{units[rows].sum():>7}{r.mean():>9.2f}{r.std():>8.2f}{share:>7.1f}%")

# Per-region means as one vectorised expression over a boolean matrix.
onehot = region[None, :] == codes[:, None]
means = (onehot * revenue).sum(axis=1) / onehot.sum(axis=1)
print("mean revenue by region:", means.round(2))
print("best region:", names[int(means.argmax())], "worst:", names[int(means.argmin())])

# Top three orders, and the running revenue total.
order = np.argsort(revenue)[::-1]
print("top 3 order ids:", order[:3], "revenue:", revenue[order[:3]])
print("sorted prices (unique):", np.unique(price)[:5])
print("cumulative revenue every 6 orders:", np.cumsum(revenue)[5::6].round(1))

# Flags and summaries.
big = revenue > revenue.mean() + revenue.std()
print("large orders:", order_id[big].tolist())
print("any region with no large order?", any(not big[region == c].any() for c in codes))
print("all prices positive:", np.all(price > 0), "| median-ish:", np.sort(revenue)[n_orders // 2])
print("extremes:", [revenue.min(), revenue.max()], "mean price:", price.mean(), "units:", units.sum())
summary = np.array([revenue.min(), revenue.max(), revenue.mean(), revenue.var()])
print(repr(summary.round(3)))
