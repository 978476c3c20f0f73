// mistake: awaits b and then a: b starts first, but the two still run one after the other
// expect: one future ran to the end before the other started
fn join2<A, B>(a: A, b: B) -> impl Future<Output = (A::Output, B::Output)>
where
    A: Future,
    B: Future,
{
    async move {
        let second = b.await;
        let first = a.await;
        (first, second)
    }
}

check_join2(join2)
