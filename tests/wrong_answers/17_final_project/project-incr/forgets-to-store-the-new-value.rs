// mistake: replies with the incremented number but never writes it back
// expect: store the new number back under the key
fn execute(db: &mut Db, line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    if let ["INCR", key] = words.as_slice() {
        let current = db.get(*key).map_or(Ok(0), |value| value.parse::<i64>());
        return match current {
            Ok(n) => format!("VALUE {}", n + 1),
            Err(_) => format!("ERR the value of {key} is not an integer"),
        };
    }
    if words.first() == Some(&"INCR") {
        return "ERR expected INCR key".to_string();
    }
    match parse(line) {
        Ok(command) => apply(db, command),
        Err(e) => format!("ERR {e}"),
    }
}

check_incr(execute)
