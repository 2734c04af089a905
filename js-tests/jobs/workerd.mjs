export async function registerWorkerd() {}
