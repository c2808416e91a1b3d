window.TK_DATA.add("search/v-bo", {"terms":{},"words":{"borg":["borgeren",[],[],[0,1,1,1,1,1]]}});
