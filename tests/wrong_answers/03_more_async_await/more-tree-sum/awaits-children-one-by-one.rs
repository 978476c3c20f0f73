// mistake: recurses correctly but awaits each child's sum in turn, so the 13 fetches run one after another
// expect: one fetch after another
async fn tree_sum(node: &Node) -> u64 {
    let mut total = fetch(node).await;
    for child in &node.children {
        total += Box::pin(tree_sum(child)).await;
    }
    total
}

run_current_thread(check_tree_sum(tree_sum))
