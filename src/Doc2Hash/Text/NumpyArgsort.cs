using System.Numerics;

namespace Doc2Hash.Text;

/// <summary>
/// numpy's default <c>argsort</c> (<c>kind='quicksort'</c>) for 64-bit integers, reproduced so that ties come out in
/// the same order. scikit-learn's <c>_limit_features</c> keeps the first <c>max_features</c> of
/// <c>(-tfs[mask]).argsort()</c>, and that sort is not stable: among terms tied at the cut, which ones survive is
/// decided by numpy's introsort, not by any simple rule. The algorithm (numpy/core/src/npysort, <c>aquicksort_</c>):
/// median-of-three quicksort that keeps pushing the larger partition on a stack and continues with the smaller one;
/// partitions of at most 16 elements are finished by insertion sort; past a depth of 2 * floor(log2 n) a partition is
/// heap-sorted. This is the generic path of numpy 1.x (checked against numpy 1.24.2); numpy builds that dispatch
/// to SIMD sorts (x86-simd-sort on AVX-512 in numpy 1.25+) order ties differently, so there is no single "numpy order"
/// on every platform; the authors' 2019 environment used this generic path.
/// </summary>
public static class NumpyArgsort
{
    /// <summary>numpy's SMALL_QUICKSORT: partitions spanning at most this many steps are insertion-sorted.</summary>
    private const int SmallQuicksort = 15;

    /// <summary>The permutation numpy.argsort(values) returns (ascending; ties in numpy's introsort order).</summary>
    public static int[] Argsort(ReadOnlySpan<long> values)
    {
        var order = new int[values.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (order.Length > 1) Introsort(values, order);
        return order;
    }

    private static void Introsort(ReadOnlySpan<long> v, int[] a)
    {
        var stack = new Stack<(int Left, int Right, int Depth)>();
        int left = 0, right = a.Length - 1;
        int depth = 2 * BitOperations.Log2((uint)a.Length);
        while (true)
        {
            // As in numpy, the depth limit is checked only when a partition is taken up, not while it is split.
            if (depth < 0)
            {
                HeapSort(v, a.AsSpan(left, right - left + 1));
            }
            else
            {
                while (right - left > SmallQuicksort)
                {
                    int pivot = Partition(v, a, left, right);
                    // Keep the larger side for later, continue with the smaller one.
                    if (pivot - left < right - pivot)
                    {
                        stack.Push((pivot + 1, right, --depth));
                        right = pivot - 1;
                    }
                    else
                    {
                        stack.Push((left, pivot - 1, --depth));
                        left = pivot + 1;
                    }
                }
                InsertionSort(v, a, left, right);
            }
            if (stack.Count == 0) return;
            (left, right, depth) = stack.Pop();
        }
    }

    /// <summary>Median of three to the middle, pivot parked at right - 1, Hoare-style scan; returns the pivot's final place.</summary>
    private static int Partition(ReadOnlySpan<long> v, int[] a, int left, int right)
    {
        int middle = left + ((right - left) >> 1);
        if (v[a[middle]] < v[a[left]]) Swap(a, middle, left);
        if (v[a[right]] < v[a[middle]]) Swap(a, right, middle);
        if (v[a[middle]] < v[a[left]]) Swap(a, middle, left);
        long pivot = v[a[middle]];
        int i = left, j = right - 1;
        Swap(a, middle, j);
        while (true)
        {
            do i++; while (v[a[i]] < pivot);
            do j--; while (pivot < v[a[j]]);
            if (i >= j) break;
            Swap(a, i, j);
        }
        Swap(a, i, right - 1);
        return i;
    }

    private static void InsertionSort(ReadOnlySpan<long> v, int[] a, int left, int right)
    {
        for (int i = left + 1; i <= right; i++)
        {
            int item = a[i];
            long key = v[item];
            int j = i;
            while (j > left && key < v[a[j - 1]])
            {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = item;
        }
    }

    /// <summary>numpy's aheapsort_: a max-heap over one-based positions, then repeated extraction.</summary>
    private static void HeapSort(ReadOnlySpan<long> v, Span<int> span)
    {
        int n = span.Length;
        // One-based view: element k lives at span[k - 1].
        for (int l = n >> 1; l > 0; l--) SiftDown(v, span, l, n);
        while (n > 1)
        {
            int top = span[n - 1];
            span[n - 1] = span[0];
            n--;
            span[0] = top;
            SiftDown(v, span, 1, n);
        }
    }

    private static void SiftDown(ReadOnlySpan<long> v, Span<int> span, int start, int n)
    {
        int item = span[start - 1];
        int i = start, j = start << 1;
        while (j <= n)
        {
            if (j < n && v[span[j - 1]] < v[span[j]]) j++;
            if (v[item] < v[span[j - 1]])
            {
                span[i - 1] = span[j - 1];
                i = j;
                j += j;
            }
            else break;
        }
        span[i - 1] = item;
    }

    private static void Swap(int[] a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
