// mistake: right sum for the wrong reason: reads the children's readings directly instead of fetching them
// expect: fetch was called
async fn tree_sum(node: &Node) -> u64 {
    fn readings(node: &Node) -> u64 {
        node.children.iter().map(|child| child.reading + readings(child)).sum()
    }
    fetch(node).await + readings(node)
}

run_current_thread(check_tree_sum(tree_sum))
