window.TK_DATA.add("search/v-af", {"terms":{},"words":{"aftal":["aftal",[],[],[5]]}});
