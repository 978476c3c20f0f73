// mistake: fetches the node and its direct children concurrently, but does not recurse into grandchildren
// expect: nodes were fetched
async fn tree_sum(node: &Node) -> u64 {
    let (own, children) = tokio::join!(
        fetch(node),
        futures::future::join_all(node.children.iter().map(fetch)),
    );
    own + children.into_iter().sum::<u64>()
}

run_current_thread(check_tree_sum(tree_sum))
