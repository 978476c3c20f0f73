// mistake: joins the children, but only after the node's own fetch has finished: one 10 ms wait per level
// expect: one fetch per level
async fn tree_sum(node: &Node) -> u64 {
    let own = fetch(node).await;
    let sums = futures::future::join_all(node.children.iter().map(|child| Box::pin(tree_sum(child)))).await;
    own + sums.into_iter().sum::<u64>()
}

run_current_thread(check_tree_sum(tree_sum))
