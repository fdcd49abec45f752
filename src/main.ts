import './ui/p2p-app.ts';
