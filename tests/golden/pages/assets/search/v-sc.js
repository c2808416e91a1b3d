window.TK_DATA.add("search/v-sc", {"terms":{},"words":{"script":["script",[],[],[2]]}});
